//! How the C allocator hands back memory, set once when the command line is given a long
//! file (4 MB or more).
//!
//! glibc's malloc raises its mmap threshold each time a large block is freed (up to 32 MiB).
//! After the first few temporaries of a long file are freed, its large vectors (blocks, claims,
//! findings) come from the main heap instead: they grow by copying, and the space they leave
//! behind stays resident. Fixing the threshold at glibc's own starting value keeps every block
//! from 128 KiB up in a mapping of its own, which `realloc` grows in place and `free` gives
//! back. On the 20 MB benchmark file the peak resident size drops from 117.4 to 105.8 MB.
//! It costs time: every large vector then starts on fresh pages (the 20 MB file takes about
//! 8% longer, one article with a 20 MB fact file 26% longer), so it is set only for long
//! files, and an article, however large its fact files, keeps glibc's defaults.

/// glibc's starting threshold: blocks of this size and larger get a mapping of their own.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
const MMAP_THRESHOLD_BYTES: i32 = 128 * 1024;

/// Keep large blocks in mappings of their own for the rest of the process. Returns whether
/// the allocator took the setting (false where it is not glibc's).
pub fn keep_large_blocks_mapped() -> bool {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        // SAFETY: `mallopt` only sets one of glibc's tuning values; it takes no pointers.
        unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) == 1 }
    }
    #[cfg(not(all(target_os = "linux", target_env = "gnu")))]
    {
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    fn glibc_takes_the_threshold() {
        assert!(keep_large_blocks_mapped());
    }
}
