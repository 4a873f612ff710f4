import Foundation
import Limn

/// Jobs admitted against the process's address-space limit (`ulimit -v`, `RLIMIT_AS`), so that a
/// picture too large for it fails its own job with a message instead of ending the batch when an
/// allocation fails. Each job reserves an estimate from its picture's header before it starts; a job
/// that does not fit beside the running ones waits for them, and one that does not fit even alone
/// fails. Without a limit (the usual case) nothing is checked and nothing waits.
final class MemoryAdmission: @unchecked Sendable {
    /// The limit in bytes; nil when there is none.
    let limit: Int?
    private let condition = NSCondition()
    private var reserved = 0
    private var running = 0

    init() {
        var r = rlimit()
        limit = getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &r) == 0 && r.rlim_cur != rlim_t.max ? Int(clamping: r.rlim_cur) : nil
    }

    /// The fresh address space a job on a `width × height` picture may map at once: the decoded
    /// picture, one picture-sized result (resized, drawn, composited) and the encoder's output,
    /// each counted as a whole RGBA picture, and, from a megapixel up (where the work is spread
    /// over cores), 64 MiB for the threads it may start (a stack and an allocator arena each). Deliberately generous (with two
    /// picture-sized buffers and no headroom a 12 MP job still ran out): a job may be refused
    /// that would have fit, and the refusal names both figures. Small buffers come from memory
    /// the allocator already holds and are not counted.
    static func estimate(width: Int, height: Int) -> Int {
        let pixels = width.multipliedReportingOverflow(by: height).partialValue
        return pixels * 4 * 3 + (pixels >= 1 << 20 ? 64 << 20 : 0)
    }

    /// The estimate for `job`'s picture, read from its header; none when the header cannot be
    /// read (the job's own decode then says why).
    static func estimate(_ job: Job) -> Int {
        guard let picture = job.picture, picture != "-", let info = try? ImageDecoder.info(file: picture) else { return 0 }
        return estimate(width: info.width, height: info.height)
    }

    /// Reserves `bytes`, waiting while the running jobs leave too little; throws when they do
    /// not fit with no other job running.
    func admit(_ bytes: Int, picture: String?) throws(JobError) {
        condition.lock()
        defer { condition.unlock() }
        guard let limit else {
            running += 1
            return
        }
        while true {
            let inUse = Self.addressSpaceInUse()
            if bytes <= limit - inUse - reserved {
                reserved += bytes
                running += 1
                return
            }
            if running == 0 {
                throw JobError(
                    "\(picture ?? "the job"): needs about \(Self.megabytes(bytes)) of memory, but the address-space limit "
                        + "(ulimit -v, \(Self.megabytes(limit))) leaves \(Self.megabytes(max(0, limit - inUse))); raise the limit or use a smaller picture."
                )
            }
            condition.wait()
        }
    }

    func release(_ bytes: Int) {
        condition.lock()
        if limit != nil { reserved -= bytes }
        running -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// The process's mapped address space (`/proc/self/statm`), or 0 where it cannot be read.
    static func addressSpaceInUse() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").first.flatMap({ Int($0) })
        else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    static func megabytes(_ bytes: Int) -> String { "\(bytes >> 20) MB" }
}
