import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One file replaced whole or not at all, for every stage that writes (the ledger, the page cache, the
/// providers' answer cache, the reports): a kill at any instant leaves the old file or the new one.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { sink in data.withUnsafeBytes { sink($0) } }
    }

    /// temp file → write everything `produce` hands to its sink → fsync → rename → fsync the folder.
    /// On any failure the temp file is removed and the old file is left as it was.
    public static func write(to path: String, _ produce: (_ sink: (UnsafeRawBufferPointer) -> Void) -> Void) throws {
        let folder = PathUtil.parent(of: path)
        let temp = "\(path).tmp.\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ClaimTrackError.ledgerWriteFailed(file: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        // The new file takes the old one's permission bits (a 0600 or read-only ledger stays so);
        // the umask only decides for a file that did not exist.
        var old = stat()
        if stat(path, &old) == 0, fchmod(fd, old.st_mode & 0o7777) != 0 { failure = String(cString: strerror(errno)) }
        produce { raw in
            guard failure == nil, raw.count > 0 else { return }
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; failure = String(cString: strerror(errno)); return }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if failure == nil, rename(temp, path) != 0 { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp)
            throw ClaimTrackError.ledgerWriteFailed(file: path, reason: failure)
        }
        let dirfd = open(folder, O_RDONLY)
        if dirfd >= 0 { fsync(dirfd); close(dirfd) }
    }
}
