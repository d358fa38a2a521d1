import DebateCore
import Foundation
import GRDB
import YAMLCoding

/// A claim found by a search, with what it takes to show it and to rebuild the claim.
public struct SearchHit: Sendable {
    public var claim: any Claim
    public var position: String?
    public var positionKind: String?
    public var role: String?
    /// BM25 (lower is better, as SQLite gives it); nil for answers found through the graph and for
    /// hits of the first tier (`inTag`), which are ordered by their tag's length.
    public var score: Double?
    /// Found in the first tier: the tag holds the whole query.
    public var inTag = false
}

extension LibraryIndex {
    /// The best `limit` claims among `sources` matching `query` and `filter`, best first, in two tiers.
    ///
    /// First the claims whose **tag** holds the whole query (every word, prefix and phrase), the
    /// shortest tag first: for a tag that holds each query word once, that is BM25 over the tag alone
    /// (every such hit has the same term frequencies and IDF; only the tag's length differs). They
    /// come from `tag_fts`, whose rowids are in that order, so the search reads the first page of
    /// matches and stops instead of ranking them all (a word in half of a million cards is in one
    /// tag of twenty). Then, when those do not fill `limit`, the other matches by BM25 over tag,
    /// author, publication, warrant and evidence, the tag weighing ten times the evidence, the
    /// author three times, the warrant twice. `any` (any of the words: likely answers) ranks by that
    /// BM25 alone.
    public func search(_ query: SearchQuery, filter: SearchFilter = SearchFilter(), sources: [Int64], limit: Int,
                       any: Bool = false) throws(IndexError) -> [SearchHit] {
        guard !query.isEmpty, !sources.isEmpty, limit > 0 else { return [] }
        return try withRepair {
            try queue.read { db in
                var arguments: StatementArguments = [query.ftsExpression(any: any)]
                var filters = filter.sql(&arguments)
                // When every source in the index is visible (the usual case), no need to check each match's.
                let all = try Int64.fetchAll(db, sql: "SELECT id FROM source")
                if !Set(all).isSubset(of: sources) { filters += " AND c.source IN (\(Self.list(sources)))" }

                // A filter few claims pass bounds the claims to look at by their ids.
                var span = "", tagSpan = ""
                if let bounds = try filter.span(db) {
                    guard bounds.low <= bounds.high else { return [] }
                    span = " AND claim_fts.rowid BETWEEN \(bounds.low) AND \(bounds.high)"
                    // Checked on the tag index's own rowid, before the claim is looked up.
                    tagSpan = " AND (tag_fts.rowid & 4294967295) BETWEEN \(bounds.low) AND \(bounds.high)"
                }

                var found: [(id: Int64, score: Double?)] = []
                if !any {
                    var tagArguments = arguments
                    _ = tagArguments.append(contentsOf: [limit])
                    // CROSS JOIN keeps the tag index outside: matches in rowid order, each claim looked up by its key.
                    let tier = filters.isEmpty
                        ? "SELECT rowid & 4294967295 FROM tag_fts WHERE tag_fts MATCH ? ORDER BY rowid LIMIT ?"
                        : """
                          SELECT c.id FROM tag_fts CROSS JOIN claim c ON c.id = (tag_fts.rowid & 4294967295)
                          WHERE tag_fts MATCH ?\(tagSpan)\(filters) ORDER BY tag_fts.rowid LIMIT ?
                          """
                    found = try Int64.fetchAll(db, sql: tier, arguments: tagArguments).map { ($0, nil) }
                }
                if found.count < limit {
                    let inTag = Set(found.map(\.id))
                    _ = arguments.append(contentsOf: [limit + inTag.count])
                    // Rank on the full-text index alone unless a filter needs the claim's keys.
                    let ranked = filters.isEmpty
                        ? "SELECT rowid AS id, bm25(claim_fts, 10.0, 3.0, 1.5, 2.0, 1.0) AS score FROM claim_fts WHERE claim_fts MATCH ? ORDER BY score LIMIT ?"
                        : """
                          SELECT c.id AS id, bm25(claim_fts, 10.0, 3.0, 1.5, 2.0, 1.0) AS score
                          FROM claim_fts JOIN claim c ON c.id = claim_fts.rowid
                          WHERE claim_fts MATCH ?\(span)\(filters) ORDER BY score LIMIT ?
                          """
                    for row in try Row.fetchAll(db, sql: ranked, arguments: arguments) where found.count < limit {
                        let id: Int64 = row["id"]
                        if !inTag.contains(id) { found.append((id, row["score"])) }
                    }
                }
                let byID = try Self.claimRows(db, ids: found.map(\.id))
                return found.compactMap { id, score in
                    byID[id].map { row in
                        var hit = Self.hit(row)
                        hit.score = score
                        hit.inTag = score == nil && !any
                        return hit
                    }
                }
            }
        }
    }

    /// The rows of these claims, by id, in one statement.
    static func claimRows(_ db: Database, ids: [Int64]) throws -> [Int64: Row] {
        guard !ids.isEmpty else { return [:] }
        var rows: [Int64: Row] = [:]
        for row in try Row.fetchAll(db, sql: claimSQL + " WHERE c.id IN (\(list(ids)))") {
            rows[row["id"]] = row
        }
        return rows
    }

    static let claimSQL = "SELECT c.*, t.*, f.path AS path FROM claim c JOIN claim_text t ON t.id = c.id JOIN file f ON f.id = c.file"

    /// Claims among `sources` with this id (one per module that has it).
    public func claims(id: String, sources: [Int64]) throws(IndexError) -> [SearchHit] {
        try withRepair {
            try queue.read { db in
                try Row.fetchAll(db, sql: Self.claimSQL + " WHERE c.claim = ? AND c.source IN (\(Self.list(sources)))",
                                 arguments: [id]).map(Self.hit)
            }
        }
    }

    /// The claims among `sources` that answer `id` in the argument graph (`answers: id`), in file order.
    public func answers(to id: String, filter: SearchFilter = SearchFilter(), sources: [Int64]) throws(IndexError) -> [SearchHit] {
        try withRepair {
            try queue.read { db in
                var arguments: StatementArguments = [id]
                let filters = filter.sql(&arguments)
                return try Row.fetchAll(db, sql: """
                    \(Self.claimSQL) WHERE c.answers = ? AND c.source IN (\(Self.list(sources)))\(filters)
                    ORDER BY c.module, c.file, c.ord
                    """, arguments: arguments).map(Self.hit)
            }
        }
    }

    /// A row of `claim` as the claim it was made from.
    static func hit(_ row: Row) -> SearchHit {
        var cite: Citation?
        if (row["has_cite"] as Int) == 1 {
            cite = Citation(author: row["author"], qualifications: row["qualifications"], date: row["date"],
                            title: row["title"], publication: row["publication"], url: row["url"])
        }
        var location: SourceLocation?
        let path: String = row["path"] ?? ""
        if let line: Int = row["line"], let column: Int = row["col"] {
            location = SourceLocation(path: path, line: line, column: column)
        }
        let evidence = (row["evidence"] as String?).flatMap { try? Evidence(markup: $0) }
        let tags = (row["tags"] as String?)?.split(separator: "\n").map(String.init) ?? []
        let base = StandardClaim(id: row["claim"], tag: row["tag"], side: Side(rawValue: row["side"]) ?? .pro,
                                 warrant: row["warrant"], cite: cite, evidence: evidence, tags: tags,
                                 module: row["module"], location: location)
        var claim: any Claim = base
        if let answers: String = row["answers"], let response = (row["response"] as String?).flatMap(ResponseKind.init(rawValue:)) {
            claim = StandardCounterclaim(base, answers: answers, response: response)
        }
        return SearchHit(claim: claim, position: row["position"], positionKind: row["position_kind"], role: row["role"],
                         score: row["score"])
    }
}
