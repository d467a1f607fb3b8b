import NIOConcurrencyHelpers

/// Values worked out from the database and kept in memory between views, each under a key, used
/// only while a fingerprint of what it was made from is unchanged: the partners' ranked
/// candidates and the outcome reports. The caller reads the fingerprint before the work, so a
/// write landing meanwhile leaves the value kept under the older fingerprint, which the next view
/// does not use. At `capacity` keys, a new key clears the rest. Each instance keeps its own.
final class KeptWhileUnchanged<Value: Sendable>: Sendable {
    private struct Kept: Sendable {
        let fingerprint: String
        let value: Value
    }

    private let capacity: Int
    private let kept = NIOLockedValueBox<[String: Kept]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The value kept under `key` if it was made at `fingerprint`; otherwise `work` makes it, and it is kept.
    func value(for key: String, fingerprint: String, work: () async throws -> Value) async throws -> Value {
        if let hit = kept.withLockedValue({ $0[key] }), hit.fingerprint == fingerprint { return hit.value }
        let value = try await work()
        kept.withLockedValue { values in
            if values[key] == nil && values.count >= capacity { values.removeAll() }
            values[key] = Kept(fingerprint: fingerprint, value: value)
        }
        return value
    }
}
