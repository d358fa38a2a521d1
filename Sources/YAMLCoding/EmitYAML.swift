import CYAML

/// Writes a `YAMLValue` as a block-style YAML document through libyaml's emitter.
///
/// Multi-line strings come out as literal blocks (`|`); strings that would read back as
/// something else (`"42"`, `"true"`, `"null"`, `""`, `"yes"`) are quoted, so the text round-trips.
public func emitYAML(_ value: YAMLValue) throws -> String {
    var emitter = try YAMLEventWriter()
    return try emitter.document(value)
}

/// Owns a libyaml emitter for one document; every libyaml resource is released in `deinit` paths.
private struct YAMLEventWriter: ~Copyable {
    private final class Output {
        var bytes: [UInt8] = []
    }

    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private let output = Output()

    init() throws(YAMLError) {
        // Nothing is stored until libyaml succeeded, so a failure here never reaches `deinit`.
        let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) != 0 else {
            emitter.deallocate()
            throw YAMLEventWriter.failure("out of memory")
        }
        self.emitter = emitter
        self.event = .allocate(capacity: 1)
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data else { return 0 }
            let output = Unmanaged<Output>.fromOpaque(data).takeUnretainedValue()
            if let buffer, size > 0 {
                output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            }
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)  // never fold long lines
        yaml_emitter_set_indent(emitter, 2)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
        event.deallocate()
    }

    mutating func document(_ value: YAMLValue) throws(YAMLError) -> String {
        try emit { yaml_stream_start_event_initialize($0, YAML_UTF8_ENCODING) }
        try emit { yaml_document_start_event_initialize($0, nil, nil, nil, 1) }
        try node(value)
        try emit { yaml_document_end_event_initialize($0, 1) }
        try emit { yaml_stream_end_event_initialize($0) }
        guard yaml_emitter_flush(emitter) != 0 else { throw problem() }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    private mutating func node(_ value: YAMLValue) throws(YAMLError) {
        switch value {
        case .null:
            try scalar("null", style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .bool(let flag):
            try scalar(flag ? "true" : "false", style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .int(let number):
            try scalar(String(number), style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .double(let number):
            try scalar(YAMLEventWriter.text(of: number), style: YAML_PLAIN_SCALAR_STYLE, plainImplicit: true)
        case .string(let text):
            try string(text)
        case .sequence(let items):
            try emit { yaml_sequence_start_event_initialize($0, nil, nil, 1, YAML_BLOCK_SEQUENCE_STYLE) }
            for item in items { try node(item) }
            try emit { yaml_sequence_end_event_initialize($0) }
        case .mapping(let entries):
            try emit { yaml_mapping_start_event_initialize($0, nil, nil, 1, YAML_BLOCK_MAPPING_STYLE) }
            for entry in entries {
                try string(entry.key)
                try node(entry.value)
            }
            try emit { yaml_mapping_end_event_initialize($0) }
        }
    }

    private mutating func string(_ text: String) throws(YAMLError) {
        if text.contains(where: \.isNewline) {
            try scalar(text, style: YAML_LITERAL_SCALAR_STYLE, plainImplicit: false)
        } else {
            // Without plain_implicit libyaml quotes the scalar instead of writing it plain.
            try scalar(text, style: YAML_ANY_SCALAR_STYLE, plainImplicit: !YAMLEventWriter.needsQuotes(text))
        }
    }

    private mutating func scalar(_ text: String, style: yaml_scalar_style_t, plainImplicit: Bool) throws(YAMLError) {
        var bytes = Array(text.utf8)
        let length = bytes.count
        guard length < Int(Int32.max) else { throw YAMLEventWriter.failure("a string of \(length) bytes is too long") }
        bytes.append(0)
        try emit { event in
            bytes.withUnsafeBufferPointer { buffer in
                yaml_scalar_event_initialize(event, nil, nil, buffer.baseAddress, Int32(length), plainImplicit ? 1 : 0, 1, style)
            }
        }
    }

    /// Initializes the event and hands it to the emitter, which owns (and frees) it from then on.
    private mutating func emit(_ initialize: (UnsafeMutablePointer<yaml_event_t>) -> Int32) throws(YAMLError) {
        guard initialize(event) != 0 else { throw YAMLEventWriter.failure("out of memory") }
        guard yaml_emitter_emit(emitter, event) != 0 else { throw problem() }
    }

    private func problem() -> YAMLError {
        YAMLEventWriter.failure(emitter.pointee.problem.map { String(cString: $0) } ?? "the YAML emitter failed")
    }

    private static func failure(_ message: String) -> YAMLError {
        YAMLError(kind: .io, location: SourceLocation(path: "<output>", line: 1, column: 1), message: "cannot write YAML: \(message)")
    }

    /// A string that a YAML reader would not take back as the same string when written plain.
    static func needsQuotes(_ text: String) -> Bool {
        if CoreSchema.isYAML11Bool(text) { return true }
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let resolved = CoreSchema.resolve(UnsafeBufferPointer(buffer))
            if case .string = resolved { return false }
            return true
        }
    }

    /// Core-schema float text: `.inf`, `-.inf`, `.nan`, or Swift's shortest round-tripping digits.
    static func text(of number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        return number.description
    }
}
