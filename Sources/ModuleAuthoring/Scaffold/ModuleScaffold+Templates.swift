/// The source files of scaffolded process modules.
extension ModuleScaffold {
    func pythonModule() -> String {
        #"""
        #!/usr/bin/env python3
        """\#(title): a debate process module (Python 3, standard library only).

        debate runs this program and speaks the module protocol with it: one JSON request per line on
        standard input, one JSON reply per line on standard output. Anything on standard error is shown
        to the user as a log line. Replace `arguments` with your own; keep the claim ids prefixed with
        the module id.
        """
        import json
        import sys

        PROTOCOL = 1

        DESCRIPTOR = {
            "id": "\#(id)",
            "title": "\#(title)",
            "summary": "What \#(title) argues. Write one or two sentences.",
            "version": "0.1.0",
            "examples": [
                {"summary": "The affirmative gets the example claim.", "side": "pro", "includes": ["\#(id).example"]},
            ],
        }


        def arguments(context):
            """The claims for a deck. `context` has `resolution`, `side` (pro or con) and `options`."""
            return [
                {
                    "id": "\#(id).example",
                    "side": "pro",
                    "tag": "Replace this with your first argument's one-line tag",
                    "tags": ["example"],
                    "warrant": "Why the tag is true, in your own words. Add a cite and evidence to make it a card.",
                },
                {
                    "id": "\#(id).example-answer",
                    "side": "con",
                    "answers": "\#(id).example",
                    "response": "no-impact",
                    "tag": "Replace this with the other side's best answer",
                    "tags": ["example"],
                },
            ]


        def reply(message):
            message["protocol"] = PROTOCOL
            sys.stdout.write(json.dumps(message) + "\n")
            sys.stdout.flush()


        def main():
            for line in sys.stdin:
                if not line.strip():
                    continue
                try:
                    request = json.loads(line)
                except ValueError as error:
                    reply({"error": {"message": "request is not JSON: %s" % error, "code": "bad-request"}})
                    continue
                kind = request.get("request")
                if kind == "describe":
                    reply({"descriptor": DESCRIPTOR})
                elif kind == "arguments":
                    try:
                        reply({"claims": arguments(request.get("context") or {})})
                    except Exception as error:  # report it to debate rather than crash
                        reply({"error": {"message": str(error), "code": "internal"}})
                else:
                    reply({"error": {"message": "unknown request %r" % kind, "code": "bad-request"}})


        if __name__ == "__main__":
            main()

        """#
    }

    func swiftPackage(product: String) -> String {
        #"""
        // swift-tools-version:6.0
        // A debate process module on DebateModuleKit. Build it with `swift build`; debate runs
        // .build/debug/\#(product), as module.yaml says.
        import PackageDescription

        let package = Package(
            name: "\#(product)",
            platforms: [.macOS(.v13)],
            products: [.executable(name: "\#(product)", targets: ["\#(typeName)Module"])],
            dependencies: [.package(name: "debate", path: "\#(kitPath ?? "../..")")],
            targets: [
                .executableTarget(name: "\#(typeName)Module", dependencies: [.product(name: "DebateModuleKit", package: "debate")]),
            ]
        )

        """#
    }

    func swiftModule() -> String {
        #"""
        import DebateModuleKit

        /// \#(title): a debate process module. DebateModuleKit's `main` speaks the module protocol:
        /// it answers `describe` with `descriptor` and `arguments` with what `arguments(for:)` returns.
        @main
        struct \#(typeName)Module: DebateModule {
            static let descriptor = ModuleDescriptor(
                id: "\#(id)",
                title: "\#(title)",
                summary: "What \#(title) argues. Write one or two sentences.",
                version: "0.1.0",
                examples: [ModuleExample(summary: "The affirmative gets the example claim.", side: .pro,
                                         includes: ["\#(id).example"])])

            func arguments(for context: ModuleContext) throws -> [ClaimEntry] {
                [
                    ClaimEntry(id: "\#(id).example", side: .pro,
                               tag: "Replace this with your first argument's one-line tag", tags: ["example"],
                               warrant: "Why the tag is true, in your own words. Add a cite and evidence to make it a card."),
                    ClaimEntry(id: "\#(id).example-answer", side: .con,
                               tag: "Replace this with the other side's best answer", tags: ["example"],
                               answers: "\#(id).example", response: .noImpact),
                ]
            }
        }

        """#
    }
}
