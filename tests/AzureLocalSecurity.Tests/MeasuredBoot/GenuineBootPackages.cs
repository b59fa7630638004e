using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AzureLocalSecurity.Tests.MeasuredBoot;

/// <summary>
/// Debian's kernel (the package linux-image-amd64 depends on) and busybox-static, fetched with <c>apt-get download</c>
/// (no root, nothing installed) into a cache under the temp folder keyed by the package file names, checked against the
/// SHA256 apt gives, and unpacked with <c>dpkg-deb -x</c>.
/// </summary>
internal sealed class DebianPackages
{
    private DebianPackages(string kernelPackage, string kernel, string busybox, IReadOnlyList<string> modules)
    {
        KernelPackage = kernelPackage;
        Kernel = kernel;
        Busybox = busybox;
        Modules = modules;
    }

    public string KernelPackage { get; }

    public string Kernel { get; }

    public string Busybox { get; }

    /// <summary>The TPM driver's modules in load order when the kernel has it as a module (empty when it is built in).</summary>
    public IReadOnlyList<string> Modules { get; }

    public static DebianPackages Prepare()
    {
        var cache = Path.Combine(Path.GetTempPath(), "alsec-debian-packages");
        Directory.CreateDirectory(cache);

        var depends = Run("apt-cache", ["depends", "linux-image-amd64"], cache);
        var kernelName = depends.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("Depends: linux-image-", StringComparison.Ordinal))
            .Select(l => l["Depends: ".Length..].Trim())
            .FirstOrDefault(n => n.EndsWith("-amd64", StringComparison.Ordinal) && char.IsAsciiDigit(n["linux-image-".Length]))
            ?? throw new InvalidOperationException("apt-cache depends linux-image-amd64 names no versioned kernel package; are the apt lists present (apt-get update)?\n" + depends);

        var kernelTree = Fetch(cache, kernelName);
        var busyboxTree = Fetch(cache, "busybox-static");

        var boot = Path.Combine(kernelTree, "boot");
        var vmlinuz = Directory.Exists(boot) ? Directory.GetFiles(boot, "vmlinuz-*").SingleOrDefault() : null;
        var config = Directory.Exists(boot) ? Directory.GetFiles(boot, "config-*").SingleOrDefault() : null;
        if (vmlinuz is null || config is null)
        {
            throw new InvalidOperationException($"{kernelName} has no single boot/vmlinuz-* and boot/config-*.");
        }

        var busybox = Path.Combine(busyboxTree, "bin", "busybox");
        if (!File.Exists(busybox))
        {
            throw new InvalidOperationException("busybox-static has no bin/busybox.");
        }

        var release = Path.GetFileName(vmlinuz)["vmlinuz-".Length..];
        return new DebianPackages(kernelName, vmlinuz, busybox, TpmModules(File.ReadAllLines(config), Path.Combine(kernelTree, "lib", "modules", release)));
    }

    /// <summary>
    /// The kernel must read the TPM (CONFIG_TCG_TPM with CONFIG_TCG_TIS for QEMU's tpm-tis device) and expose the log in
    /// securityfs (CONFIG_SECURITYFS, never a module). Built in needs nothing; as modules, tpm_tis and what it depends on
    /// (read from each module's "depends=" modinfo) are loaded by /init.
    /// </summary>
    private static List<string> TpmModules(string[] config, string modules)
    {
        string? Option(string name) => config.FirstOrDefault(l => l.StartsWith(name + "=", StringComparison.Ordinal))?[(name.Length + 1)..];
        if (Option("CONFIG_SECURITYFS") != "y")
        {
            throw new InvalidOperationException("This kernel has no securityfs (CONFIG_SECURITYFS): it cannot expose the event log.");
        }

        var tpm = Option("CONFIG_TCG_TPM");
        var tis = Option("CONFIG_TCG_TIS");
        if (tpm is not ("y" or "m") || tis is not ("y" or "m"))
        {
            throw new InvalidOperationException($"This kernel has no TPM TIS driver (CONFIG_TCG_TPM={tpm ?? "unset"}, CONFIG_TCG_TIS={tis ?? "unset"}).");
        }

        var ordered = new List<string>();
        if (tpm == "y" && tis == "y")
        {
            return ordered;
        }

        var files = Directory.Exists(modules)
            ? Directory.GetFiles(modules, "*.ko", SearchOption.AllDirectories).ToDictionary(f => Path.GetFileNameWithoutExtension(f).Replace('-', '_'), StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

        void Add(string name, int depth)
        {
            if (depth > 32 || ordered.Any(o => Path.GetFileNameWithoutExtension(o).Replace('-', '_') == name))
            {
                return;
            }

            if (!files.TryGetValue(name, out var file))
            {
                throw new InvalidOperationException($"The kernel has the TPM driver as a module but the package holds no uncompressed {name}.ko under {modules}.");
            }

            foreach (var dependency in Depends(File.ReadAllBytes(file)))
            {
                Add(dependency, depth + 1);
            }

            ordered.Add(file);
        }

        Add("tpm_tis", 0);
        return ordered;
    }

    /// <summary>The module names in a module's "depends=" modinfo string (NUL-terminated, comma-separated).</summary>
    private static IEnumerable<string> Depends(byte[] module)
    {
        var key = Encoding.ASCII.GetBytes("\0depends=");
        var at = module.AsSpan().IndexOf(key);
        if (at < 0)
        {
            return [];
        }

        var start = at + key.Length;
        var end = module.AsSpan(start).IndexOf((byte)0);
        var text = Encoding.ASCII.GetString(module, start, end < 0 ? module.Length - start : end);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(d => d.Replace('-', '_'));
    }

    /// <summary>Downloads a package (unless its file is already cached with the hash apt expects) and unpacks it once.</summary>
    private static string Fetch(string cache, string package)
    {
        // Asked in an empty folder: apt prints nothing for a file already in its working folder.
        var empty = Path.Combine(cache, "uris-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(empty);
        string uris;
        try
        {
            uris = Run("apt-get", ["download", "--print-uris", package], empty);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }

        var fields = uris.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim().Split(' ')).FirstOrDefault(f => f.Length >= 4);
        if (fields is null || !fields[3].StartsWith("SHA256:", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"apt-get download --print-uris {package} gave no file with a SHA256; are the apt lists present (apt-get update)?\n{uris}");
        }

        var fileName = fields[1];
        var sha256 = fields[3]["SHA256:".Length..];
        var deb = Path.Combine(cache, fileName);
        if (!File.Exists(deb) || !HashMatches(deb, sha256))
        {
            var download = Path.Combine(cache, "download-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(download);
            try
            {
                Run("apt-get", ["download", "-q", package], download);
                var got = Path.Combine(download, fileName);
                if (!File.Exists(got) || !HashMatches(got, sha256))
                {
                    throw new InvalidOperationException($"apt-get download {package} did not produce {fileName} with SHA256 {sha256}.");
                }

                File.Move(got, deb, overwrite: true);
            }
            finally
            {
                Directory.Delete(download, recursive: true);
            }
        }

        var tree = Path.Combine(cache, Path.GetFileNameWithoutExtension(fileName));
        var marker = Path.Combine(tree, ".alsec-extracted");
        if (!File.Exists(marker))
        {
            if (Directory.Exists(tree))
            {
                Directory.Delete(tree, recursive: true);
            }

            var partial = tree + ".partial-" + Guid.NewGuid().ToString("N");
            Run("dpkg-deb", ["-x", deb, partial], cache);
            File.WriteAllText(Path.Combine(partial, ".alsec-extracted"), sha256);
            Directory.Move(partial, tree);
        }

        return tree;
    }

    private static bool HashMatches(string file, string sha256)
    {
        using var stream = File.OpenRead(file);
        return string.Equals(Convert.ToHexString(SHA256.HashData(stream)), sha256, StringComparison.OrdinalIgnoreCase);
    }

    private static string Run(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start.");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{program} is not available; the genuine-boot tests fetch Debian packages with apt-get and dpkg-deb.", ex);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(600_000))
            {
                process.Kill();
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish in 10 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{stderr.Result}{stdout}");
            }

            return stdout;
        }
    }
}

/// <summary>
/// A "newc" cpio archive, the format the kernel unpacks an initramfs from: per entry the magic "070701", thirteen
/// 8-digit hex fields (ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor, namesize
/// with its NUL, check), the name, padding to 4 bytes, the data, padding to 4 bytes; ended by "TRAILER!!!".
/// </summary>
internal sealed class NewcArchive
{
    private readonly List<byte> _bytes = [];
    private uint _inode = 1;

    public void Directory(string name) => Entry(name, 0x4000 | 0x1ED, [], 2, 0, 0);

    public void CharacterDevice(string name, uint major, uint minor) => Entry(name, 0x2000 | 0x180, [], 1, major, minor);

    public void File(string name, byte[] data, bool executable) => Entry(name, 0x8000 | (executable ? 0x1EDu : 0x1A4u), data, 1, 0, 0);

    public byte[] ToArray()
    {
        Entry("TRAILER!!!", 0, [], 1, 0, 0);
        return [.. _bytes];
    }

    private void Entry(string name, uint mode, byte[] data, uint links, uint rdevMajor, uint rdevMinor)
    {
        var nameBytes = Encoding.ASCII.GetBytes(name + "\0");
        var header = new StringBuilder("070701");
        foreach (var field in new[] { _inode++, mode, 0u, 0u, links, 0u, (uint)data.Length, 0u, 0u, rdevMajor, rdevMinor, (uint)nameBytes.Length, 0u })
        {
            header.Append(field.ToString("X8", System.Globalization.CultureInfo.InvariantCulture));
        }

        _bytes.AddRange(Encoding.ASCII.GetBytes(header.ToString()));
        _bytes.AddRange(nameBytes);
        Pad();
        _bytes.AddRange(data);
        Pad();
    }

    private void Pad()
    {
        while (_bytes.Count % 4 != 0)
        {
            _bytes.Add(0);
        }
    }
}
