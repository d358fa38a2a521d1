import DebateCore
import DebateModuleKit
import Foundation
import ModuleAuthoring
import ModuleFormat
import ModuleLoading
import Testing

private struct Sample: DebateModule {
    static let descriptor = ModuleDescriptor(id: "sample", title: "Sample", summary: "S", version: "1.0.0",
                                             examples: [ModuleExample(summary: "e", side: .pro, options: ["n": 2], includes: ["sample.1"])])
    func arguments(for context: ModuleContext) throws -> [ClaimEntry] {
        guard let count = context.options["n"]?.intValue else { throw ModuleError("option `n` is required", code: "bad-option") }
        return (0..<count).map { ClaimEntry(id: "sample.\($0)", side: context.side, tag: "Claim \($0) on \(context.resolution)") }
    }
}

private func reply(_ request: String) throws -> ModuleReply {
    let line = try #require(ModuleServer(Sample()).reply(to: request))
    #expect(!line.contains(UInt8(ascii: "\n")))
    return try ModuleReply.parse(Array(line))
}

@Test func kitAnswersTheHostsRequests() throws {
    let describe = try reply(String(decoding: try ModuleRequest(.describe).line(), as: UTF8.self))
    #expect(describe.protocol == ModuleProtocol.version && describe.descriptor == Sample.descriptor)

    let context = ModuleContext(resolution: "R", side: .con, options: ["n": 3])
    let arguments = try reply(String(decoding: try ModuleRequest(.arguments, context: context).line(), as: UTF8.self))
    #expect(arguments.claims?.map(\.id) == ["sample.0", "sample.1", "sample.2"])
    #expect(arguments.claims?.first?.side == .con && arguments.claims?.first?.tag == "Claim 0 on R")
}

@Test func kitSendsStructuredErrors() throws {
    let missing = try reply(#"{"protocol":1,"request":"arguments","context":{"resolution":"R","side":"pro","options":{}}}"#)
    #expect(missing.error == .init(message: "option `n` is required", code: "bad-option"))
    let noContext = try reply(#"{"protocol":1,"request":"arguments"}"#)
    #expect(noContext.error?.code == "bad-request")
    let unknown = try reply(#"{"protocol":1,"request":"dance"}"#)
    #expect(unknown.error?.code == "bad-request")
    let garbage = try reply("not json")
    #expect(garbage.error?.code == "bad-request")
    #expect(ModuleServer(Sample()).reply(to: "   ") == nil)
}

/// The documented schemas accept what the host sends and what the kit and the Python example reply,
/// checked with python-jsonschema from the test virtual environment.
@Test func protocolSchemasAcceptRealMessages() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let context = ModuleContext(resolution: "R", side: .pro, options: ["n": 1])
    let requests = [try ModuleRequest(.describe).line(), try ModuleRequest(.arguments, context: context).line()]
    var replies = try requests.map { try #require(ModuleServer(Sample()).reply(to: String(decoding: $0, as: UTF8.self))) }
    replies.append(try #require(ModuleServer(Sample()).reply(to: #"{"protocol":1,"request":"dance"}"#)))
    // The Python example, run directly.
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", root.appendingPathComponent("Examples/python-module/module.py").path]
    let input = Pipe(), output = Pipe()
    python.standardInput = input
    python.standardOutput = output
    python.standardError = FileHandle.nullDevice
    try python.run()
    input.fileHandleForWriting.write(requests.map { $0 + Data("\n".utf8) }.reduce(Data(), +))
    try input.fileHandleForWriting.close()
    let pythonReplies = output.fileHandleForReading.readDataToEndOfFile().split(separator: UInt8(ascii: "\n")).map { Data($0) }
    python.waitUntilExit()
    #expect(pythonReplies.count == 2)
    replies += pythonReplies

    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let requestFile = folder.appendingPathComponent("requests.jsonl"), replyFile = folder.appendingPathComponent("replies.jsonl")
    try requests.map { $0 + Data("\n".utf8) }.reduce(Data(), +).write(to: requestFile)
    try replies.map { $0 + Data("\n".utf8) }.reduce(Data(), +).write(to: replyFile)
    let schemas = root.appendingPathComponent("Sources/ModuleFormat/Protocol/schema")
    let venvPython = ProcessInfo.processInfo.environment["DEBATE_PYTHON"] ?? root.appendingPathComponent(".venv/bin/python").path
    let check = Process()
    check.executableURL = URL(fileURLWithPath: venvPython)
    check.arguments = ["-c", """
        import json, sys, jsonschema
        count = 0
        for schema_path, lines_path in ((sys.argv[1], sys.argv[2]), (sys.argv[3], sys.argv[4])):
            schema = json.load(open(schema_path))
            jsonschema.Draft202012Validator.check_schema(schema)
            for line in open(lines_path):
                jsonschema.Draft202012Validator(schema).validate(json.loads(line))
                count += 1
        # A claim with an unknown field is refused by the schema too.
        bad = {"protocol": 1, "claims": [{"id": "x", "side": "pro", "tag": "t", "tga": "y"}]}
        assert not jsonschema.Draft202012Validator(json.load(open(sys.argv[3]))).is_valid(bad)
        print("valid", count)
        """, schemas.appendingPathComponent("request.schema.json").path, requestFile.path,
        schemas.appendingPathComponent("reply.schema.json").path, replyFile.path]
    let out = Pipe()
    check.standardOutput = out
    check.standardError = out
    do {
        try check.run()
    } catch {
        Issue.record("no Python at \(venvPython): run `bash Tests/test.sh` (it makes .venv with jsonschema) or set DEBATE_PYTHON")
        return
    }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    check.waitUntilExit()
    #expect(check.terminationStatus == 0 && text.contains("valid 7"), "\(text)")
}

@Test(arguments: ModuleScaffold.Kind.allCases)
func scaffoldsStartWithAnExampleClaim(_ kind: ModuleScaffold.Kind) throws {
    let scaffold = try ModuleScaffold(id: "new-thing", kind: kind, kitPath: "../..")
    let files = try scaffold.files()
    let manifest = try #require(files.first { $0.path == "module.yaml" })
    #expect(manifest.contents.contains("id: new-thing"))
    #expect(manifest.contents.contains(kind == .pack ? "kind: pack" : "kind: process"))
    #expect(files.allSatisfy { $0.contents.contains("new-thing.example") || $0.path != files.last?.path || kind == .swift })
    if kind == .pack {
        let folder = try makeTemporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try scaffold.write(to: folder.path)
        let pack = try PackModule(directory: folder.path)
        #expect(pack.descriptor.examples.flatMap { $0.check(pack) }.isEmpty)
        #expect(try pack.arguments(for: ModuleContext(resolution: "r", side: .pro)).claims.map(\.id) == ["new-thing.example", "new-thing.example-answer"])
    }
    #expect(throws: DiagnosticsError.self) { try ModuleScaffold(id: "Bad_Name", kind: kind, kitPath: "x") }
}
