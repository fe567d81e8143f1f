/*
 * Linked into the Native AOT binary on Linux (Prefault.targets): before main, one madvise(MADV_POPULATE_WRITE)
 * over the executable's zero-initialized data. That range is mostly the runtime's ".hydrated" section (2.3 MB here),
 * which the runtime's start-up fills from compressed type data before any managed code runs; filling it page by page
 * took one page fault per 4 KB, about 580 of them, and a fault costs 10-18 us on the virtual machines this tool runs on.
 * Populating the range in one call takes the same pages without a fault each: `extractor --version` 16.5 -> 13.7 ms
 * (16.8 -> 14.0 ms of CPU) and 850 -> 275 page faults (docs/performance.md, issue 33).
 *
 * Advice only: a kernel older than 5.14 answers EINVAL, and the runtime then faults the pages in as before.
 */
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23
#endif

/* The first object dl_iterate_phdr reports is the executable itself; its writable segment whose size in memory
 * exceeds its size in the file ends in the zero-filled part (.bss, then .hydrated). */
static int populate_zero_filled(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W) || segment->p_memsz <= segment->p_filesz) continue;
        /* The page that holds the end of the file's bytes is file-backed; populating starts at the next one. */
        uintptr_t start = (info->dlpi_addr + segment->p_vaddr + segment->p_filesz + page - 1) & ~(page - 1);
        uintptr_t end = (info->dlpi_addr + segment->p_vaddr + segment->p_memsz + page - 1) & ~(page - 1);
        if (end > start) madvise((void *)start, end - start, MADV_POPULATE_WRITE);
    }
    return 1;
}

__attribute__((constructor)) static void extractor_prefault(void)
{
    dl_iterate_phdr(populate_zero_filled, 0);
}
