import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds every process a module started, however it detached, from /proc (Linux): a cgroup would
/// be the exact tool but is not available to an unprivileged tool, so a process belongs to a
/// module run when any of these holds:
/// - it descends from the module's process (through parent ids);
/// - it is in the module's process group or session (the module is spawned as a session leader);
/// - its environment carries the run's `DEBATE_MODULE_RUN` token, which children inherit: this
///   catches a grandchild that called `setsid` and whose parent exited, so that it was re-parented
///   to init and is in neither the tree, the group nor the session.
/// A process that both detaches and clears its environment escapes; the module protocol asks
/// modules not to leave processes behind (PROTOCOL.md).
enum ProcessTree {
    struct Entry {
        var pid: pid_t
        var parent: pid_t
        var group: pid_t
        var session: pid_t
    }

    /// The processes of the run started as `leader` with environment token `token`, without `leader` itself.
    /// With `tokenOnly` (once the leader was reaped, when its pid may belong to another process),
    /// only the environment token counts.
    static func members(leader: pid_t, token: String, tokenOnly: Bool = false) -> [pid_t] {
        let entries = snapshot()
        var members: Set<pid_t> = []
        var children: [pid_t: [pid_t]] = [:]
        if !tokenOnly {
            for entry in entries {
                children[entry.parent, default: []].append(entry.pid)
                if entry.group == leader || entry.session == leader { members.insert(entry.pid) }
            }
            var queue = [leader] + Array(members)
            while let next = queue.popLast() {
                for child in children[next] ?? [] where members.insert(child).inserted { queue.append(child) }
            }
        }
        let marker = Array("DEBATE_MODULE_RUN=\(token)".utf8)
        let me = getpid()
        for entry in entries where !members.contains(entry.pid) && entry.pid != me {
            if environment(of: entry.pid, contains: marker) { members.insert(entry.pid) }
        }
        members.remove(leader)
        return Array(members)
    }

    /// Stops, then kills, every member of the run until none is left (a member may fork while
    /// we look). Returns how many were killed.
    @discardableResult
    static func killMembers(leader: pid_t, token: String, tokenOnly: Bool = false) -> Int {
        var killed: Set<pid_t> = []
        for _ in 0..<20 {
            let found = members(leader: leader, token: token, tokenOnly: tokenOnly).filter { isLive($0) }
            if found.isEmpty { break }
            for pid in found { kill(pid, SIGSTOP) }
            for pid in found { kill(pid, SIGKILL) }
            killed.formUnion(found)
        }
        return killed.count
    }

    static func snapshot() -> [Entry] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return names.compactMap { name in
            guard let pid = pid_t(name), let stat = read("/proc/\(pid)/stat", limit: 4096) else { return nil }
            return parse(stat: stat, pid: pid)
        }
    }

    /// `pid (comm) state ppid pgrp session …`: the command name may hold spaces and parentheses,
    /// so the fields are read after its last `)`.
    static func parse(stat: [UInt8], pid: pid_t) -> Entry? {
        guard let close = stat.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " ")).prefix(4)
            .map { String(decoding: $0, as: UTF8.self) }
        guard fields.count == 4, fields[0] != "Z", fields[0] != "X",
              let parent = pid_t(fields[1]), let group = pid_t(fields[2]), let session = pid_t(fields[3]) else { return nil }
        return Entry(pid: pid, parent: parent, group: group, session: session)
    }

    static func isLive(_ pid: pid_t) -> Bool {
        guard let stat = read("/proc/\(pid)/stat", limit: 4096) else { return false }
        return parse(stat: stat, pid: pid) != nil
    }

    static func environment(of pid: pid_t, contains marker: [UInt8]) -> Bool {
        guard let environ = read("/proc/\(pid)/environ", limit: 1 << 20) else { return false }
        return environ.split(separator: 0).contains { $0.elementsEqual(marker) }
    }

    /// A /proc file's bytes (its size is not known ahead), or nil when it cannot be read.
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while bytes.count < limit {
            let got = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if got > 0 { bytes += chunk[0..<got] } else if got < 0 && errno == EINTR { continue } else { break }
        }
        return bytes
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }
}
