/// Errors thrown from a type's own `init(from:)` become `YAMLError`s at the node being decoded.
extension NodeDecoder {
    func convert(_ error: any Error, decoding type: Any.Type) -> YAMLError {
        guard let decodingError = error as? DecodingError else {
            return YAMLError(kind: .invalidValue, location: location, message: String(describing: error), codingPath: pathStrings)
        }
        switch decodingError {
        case .dataCorrupted(let context):
            if let unknown = unknownValue(of: type) { return unknown }
            return located(context, kind: .invalidValue,
                           message: context.debugDescription.isEmpty ? "invalid value \(YAMLWords.subject(pathStrings))" : context.debugDescription)
        case .typeMismatch(let expected, let context):
            return located(context, kind: .typeMismatch,
                           message: context.debugDescription.isEmpty ? "expected \(YAMLWords.expected(expected))" : context.debugDescription)
        case .valueNotFound(let expected, let context):
            return located(context, kind: .typeMismatch,
                           message: context.debugDescription.isEmpty ? "expected \(YAMLWords.expected(expected)), found no value" : context.debugDescription)
        case .keyNotFound(let key, let context):
            // A type's own words win; Foundation's generic ones ("No value associated with key CodingKeys(…)") never reach a user.
            let own = !context.debugDescription.isEmpty && !context.debugDescription.contains("CodingKeys(")
            let message = own ? context.debugDescription : "missing key `\(key.stringValue)`\(whereabouts(of: type, mapping: node))"
            var error = located(context, kind: .missingKey, message: message)
            error.codingPath.append(key.stringValue)
            return error
        @unknown default:
            return YAMLError(kind: .invalidValue, location: location, message: String(describing: error), codingPath: pathStrings)
        }
    }

    /// "unknown value `linkturn` for `response`; expected one of: …" for string enumerations.
    private func unknownValue(of type: Any.Type) -> YAMLError? {
        guard let allowed = NodeDecoder.rawValues(of: type) else { return nil }
        let node = document.nodes[node]
        guard node.kind == .scalar, !node.isNull else { return nil }
        let text = document.text(self.node)
        guard !allowed.contains(text) else { return nil }
        return YAMLError(
            kind: .unknownValue, location: location,
            message: "unknown value `\(text)` \(YAMLWords.subject(pathStrings)); expected one of: \(YAMLSuggestions.list(allowed))",
            hint: YAMLSuggestions.closest(to: text, in: allowed).map { "did you mean `\($0)`?" },
            codingPath: pathStrings)
    }

    static func rawValues(of type: Any.Type) -> [String]? {
        if let values = (type as? any YAMLDescribed.Type)?.yamlValues { return values }
        guard let enumeration = type as? any (CaseIterable & RawRepresentable<String>).Type else { return nil }
        return rawValues(enumeration)
    }

    private static func rawValues<E: CaseIterable & RawRepresentable<String>>(_ type: E.Type) -> [String] {
        E.allCases.map(\.rawValue)
    }

    /// The error at the node the context's coding path names (it may point below this decoder's node).
    private func located(_ context: DecodingError.Context, kind: YAMLError.Kind, message: String) -> YAMLError {
        let own = codingPath
        var target = node
        var path = own.map(\.stringValue)
        let extendsOwn = context.codingPath.count >= own.count
            && zip(own, context.codingPath).allSatisfy { $0.stringValue == $1.stringValue }
        if extendsOwn {
            path = context.codingPath.map(\.stringValue)
            for key in context.codingPath.dropFirst(own.count) {
                let current = document.nodes[target]
                var next: Int?
                if current.kind == .mapping, let entry = document.entry(of: key.stringValue, inMapping: target) {
                    next = document.child(current, 2 * entry + 1)
                } else if current.kind == .sequence, let index = key.intValue ?? Int(key.stringValue),
                    index >= 0, index < Int(current.count)
                {
                    next = document.child(current, index)
                }
                guard let next else { break }
                target = next
            }
        }
        return YAMLError(kind: kind, location: location(of: target), message: message, codingPath: path,
                         code: (context.underlyingError as? YAMLErrorCode)?.code)
    }
}
