/* What a program learns about its CPU: getauxval(AT_HWCAP, AT_HWCAP2) and __builtin_cpu_supports (read
   from the thread control block). Only the features qemu-ppc64le reports as Linux does are printed: qemu
   sets neither AT_PLATFORM (so __builtin_cpu_is is false for every model) nor the HTM, SCV and several
   AT_HWCAP bits a POWER kernel sets, which wplab gives as Linux on the CPU model does.
   SPDX-License-Identifier: MIT */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

int main(void) {
  unsigned long hw = getauxval(AT_HWCAP), hw2 = getauxval(AT_HWCAP2);
  const char *plat = (const char *)getauxval(AT_PLATFORM), *base = (const char *)getauxval(AT_BASE_PLATFORM);
  printf("hwcap: 64=%d altivec=%d fpu=%d vsx=%d dfp=%d; hwcap2: 2_07=%d 3_00=%d 3_1=%d ieee128=%d darn=%d mma=%d\n",
         !!(hw & 0x40000000), !!(hw & 0x10000000), !!(hw & 0x08000000), !!(hw & 0x80), !!(hw & 0x400), !!(hw2 & 0x80000000),
         !!(hw2 & 0x00800000), !!(hw2 & 0x00040000), !!(hw2 & 0x00400000), !!(hw2 & 0x00200000), !!(hw2 & 0x00020000));
  (void)plat; (void)base;
  printf("supports: altivec=%d vsx=%d arch_2_07=%d arch_3_00=%d arch_3_1=%d ieee128=%d darn=%d mma=%d\n",
         __builtin_cpu_supports("altivec") != 0, __builtin_cpu_supports("vsx") != 0, __builtin_cpu_supports("arch_2_07") != 0,
         __builtin_cpu_supports("arch_3_00") != 0, __builtin_cpu_supports("arch_3_1") != 0, __builtin_cpu_supports("ieee128") != 0,
         __builtin_cpu_supports("darn") != 0, __builtin_cpu_supports("mma") != 0);
  printf("AT_SECURE=%lu AT_UID=%lu\n", getauxval(AT_SECURE), getauxval(AT_UID) == getauxval(AT_EUID));
  return 0;
}
