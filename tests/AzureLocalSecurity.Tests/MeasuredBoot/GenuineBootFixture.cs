using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Xunit;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// Two genuine measured boots, made once per test run: OVMF under QEMU measuring into swtpm, booting Debian's kernel
/// (taken from the linux-image .deb with dpkg-deb, never installed) and an initramfs this fixture writes around Debian's
/// busybox-static. The initramfs's /init prints the kernel's copy of the firmware event log and every PCR of every bank
/// the TPM has to the serial console, then powers off. One boot has Secure Boot on (OVMF_CODE_4M.secboot.fd with the
/// Microsoft-keyed OVMF_VARS_4M.ms.fd), one has it off (OVMF_CODE_4M.fd with the empty OVMF_VARS_4M.fd).
/// A missing qemu, OVMF, swtpm or package download fails every test of the collection with the reason; nothing is skipped.
/// </summary>
public sealed class GenuineBootFixture : IDisposable
{
    private const string OvmfDirectory = "/usr/share/OVMF";
    private static readonly TimeSpan BootTimeout = TimeSpan.FromSeconds(240);

    private readonly List<Process> _processes = [];
    private readonly string _runDirectory;

    public GenuineBootFixture()
    {
        _runDirectory = Path.Combine(Path.GetTempPath(), "alsec-genuine-boot-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_runDirectory);
        try
        {
            Require("qemu-system-x86_64", "qemu-system-x86");
            Require("swtpm", "swtpm");
            Require("dpkg-deb", "dpkg");
            Require("apt-get", "apt");
            foreach (var file in new[] { "OVMF_CODE_4M.secboot.fd", "OVMF_VARS_4M.ms.fd", "OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd" })
            {
                if (!File.Exists(Path.Combine(OvmfDirectory, file)))
                {
                    throw new InvalidOperationException($"{OvmfDirectory}/{file} is missing: install the Debian package ovmf. The genuine-boot tests need a real UEFI firmware.");
                }
            }

            var packages = DebianPackages.Prepare();
            KernelPackage = packages.KernelPackage;
            Kernel = packages.Kernel;
            Initramfs = BuildInitramfs(packages);
            var initrd = Path.Combine(_runDirectory, "initrd.cpio");
            File.WriteAllBytes(initrd, Initramfs);

            SecureBootOn = Boot("secure-boot-on", "OVMF_CODE_4M.secboot.fd", "OVMF_VARS_4M.ms.fd", initrd);
            SecureBootOff = Boot("secure-boot-off", "OVMF_CODE_4M.fd", "OVMF_VARS_4M.fd", initrd);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The kernel package the boots used (linux-image-&lt;release&gt;).</summary>
    public string KernelPackage { get; }

    /// <summary>The vmlinuz extracted from <see cref="KernelPackage"/>.</summary>
    public string Kernel { get; }

    /// <summary>The initramfs (newc cpio) both boots loaded; the Linux EFI stub measures it into PCR 9.</summary>
    public byte[] Initramfs { get; }

    public GenuineBoot SecureBootOn { get; }

    public GenuineBoot SecureBootOff { get; }

    public GenuineBoot Get(bool secureBoot) => secureBoot ? SecureBootOn : SecureBootOff;

    public void Dispose()
    {
        lock (_processes)
        {
            foreach (var process in _processes)
            {
                Stop(process);
            }

            _processes.Clear();
        }

        try
        {
            Directory.Delete(_runDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The /init the initramfs runs: busybox sh, printing between markers so the serial log can be read back.</summary>
    internal const string InitScript = """
        #!/bin/busybox sh
        /bin/busybox --install -s /bin
        mount -t proc proc /proc
        mount -t sysfs sysfs /sys
        mount -t securityfs securityfs /sys/kernel/security
        echo 1 > /proc/sys/kernel/printk
        echo "@@KERNEL $(uname -r)"
        if [ -r /sys/kernel/security/tpm0/binary_bios_measurements ]; then
          echo "@@LOG-BEGIN"
          base64 /sys/kernel/security/tpm0/binary_bios_measurements
          echo "@@LOG-END"
        else
          echo "@@NO-LOG"
        fi
        for bank in /sys/class/tpm/tpm0/pcr-*; do
          for pcr in $(ls "$bank" | sort -n); do
            echo "@@PCR ${bank##*/pcr-} $pcr $(cat "$bank/$pcr")"
          done
        done
        echo "@@DONE"
        poweroff -f

        """;

    private static byte[] BuildInitramfs(DebianPackages packages)
    {
        var cpio = new NewcArchive();
        foreach (var dir in new[] { "bin", "dev", "proc", "sys", "lib", "lib/modules" })
        {
            cpio.Directory(dir);
        }

        cpio.CharacterDevice("dev/console", 5, 1);
        cpio.File("bin/busybox", File.ReadAllBytes(packages.Busybox), executable: true);
        var init = new StringBuilder(InitScript.Replace("\r\n", "\n", StringComparison.Ordinal));
        if (packages.Modules.Count > 0)
        {
            // The TPM driver is a module in this kernel: load it (and what it depends on, in order) before reading the TPM.
            var lines = new StringBuilder();
            foreach (var module in packages.Modules)
            {
                var name = "lib/modules/" + Path.GetFileName(module);
                cpio.File(name, File.ReadAllBytes(module), executable: false);
                lines.Append("insmod /").Append(name).Append(" 2>/dev/null\n");
            }

            init.Replace("echo 1 > /proc/sys/kernel/printk\n", "echo 1 > /proc/sys/kernel/printk\n" + lines);
        }

        cpio.File("init", Encoding.ASCII.GetBytes(init.ToString()), executable: true);
        return cpio.ToArray();
    }

    private GenuineBoot Boot(string name, string code, string vars, string initrd)
    {
        var dir = Path.Combine(_runDirectory, name);
        Directory.CreateDirectory(dir);
        var fallbacks = new List<string>();
        foreach (var accelerator in Accelerators())
        {
            var attempt = Path.Combine(dir, accelerator);
            Directory.CreateDirectory(attempt);
            var result = BootOnce(attempt, accelerator, code, vars, initrd, out var kvmFailure);
            if (result is not null)
            {
                return result with { Name = name, Fallbacks = fallbacks };
            }

            fallbacks.Add($"{accelerator}: {kvmFailure}");
        }

        throw new InvalidOperationException($"The {name} boot could not run: {string.Join("; ", fallbacks)}");
    }

    /// <summary>
    /// KVM first when /dev/kvm can be opened and ALSEC_GENUINE_BOOT_KVM=1 asks for it; TCG otherwise and always as the last
    /// resort. TCG is the default because the machines this runs on have a /dev/kvm that cannot run these guests (no SMM for
    /// the Secure Boot firmware; an internal error for the other), which a clean CI clone hit: a boot must not depend on it.
    /// </summary>
    private static IEnumerable<string> Accelerators()
    {
        if (Environment.GetEnvironmentVariable("ALSEC_GENUINE_BOOT_KVM") != "1")
        {
            return ["tcg"];
        }

        var kvm = false;
        try
        {
            using var device = new FileStream("/dev/kvm", FileMode.Open, FileAccess.ReadWrite);
            kvm = true;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return kvm ? ["kvm", "tcg"] : ["tcg"];
    }

    /// <summary>
    /// One boot. Returns null (with the reason) when KVM cannot run this machine — a hypervisor without SMM, or one that
    /// stops the guest with an internal error — so the caller falls back to TCG; any other failure throws with the serial log.
    /// </summary>
    private GenuineBoot? BootOnce(string dir, string accelerator, string code, string vars, string initrd, out string? kvmFailure)
    {
        kvmFailure = null;
        var state = Path.Combine(dir, "tpm");
        Directory.CreateDirectory(state);
        var socket = Path.Combine(dir, "swtpm.sock");
        var varsCopy = Path.Combine(dir, "vars.fd");
        File.Copy(Path.Combine(OvmfDirectory, vars), varsCopy);
        var serial = Path.Combine(dir, "serial.log");

        var swtpm = Start("swtpm", ["socket", "--tpm2", "--tpmstate", "dir=" + state, "--ctrl", "type=unixio,path=" + socket, "--flags", "startup-clear", "--terminate"], null);
        Process? qemu = null;
        try
        {
            var ready = Stopwatch.StartNew();
            while (!File.Exists(socket))
            {
                if (swtpm.HasExited || ready.Elapsed > TimeSpan.FromSeconds(10))
                {
                    throw new InvalidOperationException($"swtpm did not open its control socket {socket} (exit code {(swtpm.HasExited ? swtpm.ExitCode.ToString(CultureInfo.InvariantCulture) : "none, still running")}).");
                }

                Thread.Sleep(20);
            }

            var stderr = new StringBuilder();
            using var kvmBroken = new ManualResetEventSlim();
            var clock = Stopwatch.StartNew();
            qemu = Start("qemu-system-x86_64",
            [
                "-machine", "q35,smm=on,accel=" + accelerator, "-m", "1024", "-nodefaults", "-display", "none", "-no-reboot", "-monitor", "none",
                "-global", "driver=cfi.pflash01,property=secure,value=on",
                "-drive", $"if=pflash,format=raw,unit=0,file={Path.Combine(OvmfDirectory, code)},readonly=on",
                "-drive", $"if=pflash,format=raw,unit=1,file={varsCopy}",
                "-chardev", $"socket,id=chrtpm,path={socket}", "-tpmdev", "emulator,id=tpm0,chardev=chrtpm", "-device", "tpm-tis,tpmdev=tpm0",
                "-kernel", Kernel, "-initrd", initrd, "-append", "console=ttyS0 quiet loglevel=1 panic=-1",
                "-serial", "file:" + serial,
            ], line =>
            {
                lock (stderr)
                {
                    stderr.AppendLine(line);
                }

                if (accelerator == "kvm" && (line.Contains("KVM internal error", StringComparison.Ordinal) || line.Contains("not supported by this hypervisor", StringComparison.Ordinal)))
                {
                    kvmBroken.Set();
                }
            });

            while (!qemu.WaitForExit(200))
            {
                if (kvmBroken.IsSet)
                {
                    break; // finally stops it; the process object is not touched after Stop disposes it
                }

                if (clock.Elapsed > BootTimeout)
                {
                    Stop(qemu);
                    throw new InvalidOperationException($"The boot ({accelerator}) did not power off within {BootTimeout.TotalSeconds} s.{Describe(serial, stderr)}");
                }
            }

            clock.Stop();
            if (kvmBroken.IsSet)
            {
                lock (stderr)
                {
                    kvmFailure = stderr.ToString().Split('\n').First(l => l.Contains("KVM", StringComparison.Ordinal) || l.Contains("hypervisor", StringComparison.Ordinal)).Trim();
                }

                return null;
            }

            qemu.WaitForExit();

            if (qemu.ExitCode != 0)
            {
                throw new InvalidOperationException($"qemu-system-x86_64 ({accelerator}) exited with {qemu.ExitCode}.{Describe(serial, stderr)}");
            }

            var output = File.Exists(serial) ? File.ReadAllText(serial, Encoding.Latin1) : string.Empty;
            return GenuineBoot.Read(output, accelerator, clock.Elapsed, Describe(serial, stderr));
        }
        finally
        {
            if (qemu is not null)
            {
                Stop(qemu);
            }

            Stop(swtpm);
        }
    }

    private static string Describe(string serial, StringBuilder stderr)
    {
        string errors;
        lock (stderr)
        {
            errors = stderr.ToString().Trim();
        }

        var tail = File.Exists(serial) ? string.Join("\n", File.ReadAllLines(serial, Encoding.Latin1).TakeLast(40)) : "(no serial log)";
        return $"\nqemu stderr:\n{errors}\nserial log (last 40 lines):\n{tail}";
    }

    private Process Start(string program, string[] arguments, Action<string>? stderr)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        lock (_processes)
        {
            _processes.Add(process);
        }

        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                stderr?.Invoke(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        lock (_processes)
        {
            if (_processes.Remove(process))
            {
                process.Dispose();
            }
        }
    }

    private static void Require(string program, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
        if (!found)
        {
            throw new InvalidOperationException($"{program} is not installed (Debian package {package}); the genuine-boot tests need it and are not skipped without it.");
        }
    }
}

/// <summary>What one boot's guest printed: the kernel's copy of the event log and the PCRs it read from the TPM.</summary>
public sealed record GenuineBoot(string KernelRelease, byte[] LogBytes, IReadOnlyDictionary<string, IReadOnlyDictionary<int, string>> Pcrs, string Accelerator, TimeSpan Elapsed, string Diagnostics)
{
    public string Name { get; init; } = string.Empty;

    /// <summary>The accelerators tried before this boot succeeded, with the reason each was given up.</summary>
    public IReadOnlyList<string> Fallbacks { get; init; } = [];

    public override string ToString() => $"{Name} ({Accelerator}, {Elapsed.TotalSeconds:0.0} s)";

    /// <summary>Reads the markers /init printed; anything missing or malformed throws with the serial log.</summary>
    internal static GenuineBoot Read(string serial, string accelerator, TimeSpan elapsed, string diagnostics)
    {
        var lines = serial.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        string? kernel = null;
        var base64 = new StringBuilder();
        var inLog = false;
        var logSeen = false;
        var done = false;
        var pcrs = new SortedDictionary<string, SortedDictionary<int, string>>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            // Console output of the firmware or the kernel can share a serial line with what /init printed: a marker counts wherever it starts.
            var marker = raw.IndexOf("@@", StringComparison.Ordinal);
            var line = marker > 0 ? raw[marker..] : raw;
            if (inLog)
            {
                if (line == "@@LOG-END")
                {
                    inLog = false;
                    logSeen = true;
                    continue;
                }

                if (line.Length == 0 || !line.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '='))
                {
                    throw new InvalidOperationException($"A line inside the log's base64 is not base64: \"{line}\".{diagnostics}");
                }

                base64.Append(line);
                continue;
            }

            if (line == "@@LOG-BEGIN")
            {
                inLog = true;
            }
            else if (line.StartsWith("@@KERNEL ", StringComparison.Ordinal))
            {
                kernel = line[9..].Trim();
            }
            else if (line == "@@NO-LOG")
            {
                throw new InvalidOperationException($"The guest has no /sys/kernel/security/tpm0/binary_bios_measurements.{diagnostics}");
            }
            else if (line.StartsWith("@@PCR ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                if (parts.Length != 4 || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || parts[3].Length == 0 || !parts[3].All(char.IsAsciiHexDigit))
                {
                    throw new InvalidOperationException($"Malformed PCR line \"{line}\".{diagnostics}");
                }

                if (!pcrs.TryGetValue(parts[1], out var bank))
                {
                    pcrs.Add(parts[1], bank = new SortedDictionary<int, string>());
                }

                bank.Add(index, parts[3].ToUpperInvariant());
            }
            else if (line == "@@DONE")
            {
                done = true;
            }
        }

        if (!logSeen || !done || kernel is null || pcrs.Count == 0)
        {
            throw new InvalidOperationException($"The guest's output is incomplete (kernel {kernel ?? "?"}, log {(logSeen ? "read" : "missing")}, {pcrs.Count} PCR banks, {(done ? "finished" : "unfinished")}).{diagnostics}");
        }

        return new GenuineBoot(kernel, Convert.FromBase64String(base64.ToString()),
            pcrs.ToDictionary(b => b.Key, b => (IReadOnlyDictionary<int, string>)b.Value, StringComparer.Ordinal), accelerator, elapsed, diagnostics);
    }
}

[CollectionDefinition(Name)]
public sealed class GenuineBoots : ICollectionFixture<GenuineBootFixture>
{
    public const string Name = "genuine boot";
}
