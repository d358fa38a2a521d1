// The module-reply parser (one JSON line from a process module).
// Invariants: a refusal says something; an accepted reply's claim ids follow the claim-id grammar;
// an accepted reply written back as a line parses to a reply that writes the same line.
import DebateCore
import FuzzSupport
import Foundation
import ModuleAuthoring
import ModuleFormat

runFuzzer { bytes in
    let reply: ModuleReply
    do throws(ReplyProblem) {
        reply = try ModuleReply.parse(bytes)
    } catch {
        if error.message.isEmpty { violated("empty message") }
        return
    }
    for claim in reply.claims ?? [] {
        if let problem = ClaimID.problem(claim.id) { violated("an accepted reply has claim id \(claim.id.debugDescription): \(problem)") }
        if let answers = claim.answers, !ClaimID.isValid(answers) { violated("an accepted reply answers \(answers.debugDescription)") }
    }
    let line: Data
    do {
        line = try reply.line()
    } catch {
        violated("an accepted reply cannot be written: \(error)")
    }
    do {
        let again = try ModuleReply.parse(Array(line))
        if try again.line() != line { violated("reply read back differently: \(String(decoding: line, as: UTF8.self))") }
    } catch {
        violated("written reply does not parse: \(error) \(String(decoding: line, as: UTF8.self))")
    }
}
