using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AzureLocalSecurity.Evidence.Import;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Import;

/// <summary>
/// The seed corpora of the <c>registry-pol</c> and <c>reg-file</c> fuzz harnesses are files these tests build. The test
/// fails when a corpus file differs from what is built here; with <c>ALS_WRITE_FUZZ_SEEDS=1</c> it writes them first.
/// </summary>
public sealed class GpoFormatSeeds
{
    private const string Key = @"Software\Policies\Microsoft\Windows\DeviceGuard";

    internal static IEnumerable<(string Name, byte[] Bytes)> RegistryPolSeeds()
    {
        yield return ("made-header-only.pol", new PolWriter().ToArray());
        yield return ("made-every-type.pol", new PolWriter()
            .Record(Key, "Sz", 1, PolWriter.Sz("text"))
            .Record(Key, "Expand", 2, PolWriter.Sz(@"%SystemRoot%\x"))
            .Record(Key, "Binary", 3, [1, 2, 0xFF])
            .Record(Key, "DWord", 4, PolWriter.DWord(1))
            .Record(Key, "BigEndian", 5, [0, 0, 0, 1])
            .Record(Key, "Link", 6, [1, 2])
            .Record(Key, "Multi", 7, PolWriter.Multi("a", "bc"))
            .Record(Key, "QWord", 11, PolWriter.QWord(2))
            .Record(Key, "None", 0, [])
            .ToArray());
        yield return ("made-every-special-name.pol", new PolWriter()
            .Record(Key, string.Empty, 0, [])
            .Record(Key, "**del.HypervisorEnforcedCodeIntegrity", 1, PolWriter.Sz(" "))
            .Record(Key, "**delvals.", 1, PolWriter.Sz(" "))
            .Record(Key, "**DeleteValues", 1, PolWriter.Sz("a;b;c"))
            .Record(Key, "**DeleteKeys", 1, PolWriter.Sz("NoRun;NoFind"))
            .Record(Key, "**SecureKey", 4, PolWriter.DWord(1))
            .Record(Key, "**soft.Locked", 4, PolWriter.DWord(1))
            .Record(Key, "**Comment", 1, PolWriter.Sz("x"))
            .ToArray());
        yield return ("made-string-without-nul.pol", new PolWriter().Record(Key, "Sz", 1, Encoding.Unicode.GetBytes("abc")).ToArray());
        yield return ("broken-signature.pol", new PolWriter(signature: 0x67655251).ToArray());
        yield return ("broken-version.pol", new PolWriter(version: 2).ToArray());
        yield return ("broken-size-beyond-file.pol", new PolWriter().Raw(Key, "A", 3, 0xFFFFFFF0, [1, 2, 3, 4]).ToArray());
        yield return ("broken-no-closing-bracket.pol", new PolWriter().Raw(Key, "A", 4, 4, PolWriter.DWord(1), close: false).Record(Key, "B", 4, PolWriter.DWord(1)).ToArray());
        yield return ("broken-unterminated-key.pol", new PolWriter().Char('[').Bytes(Encoding.Unicode.GetBytes(Key)).ToArray());
        yield return ("broken-dword-of-2-bytes.pol", new PolWriter().Record(Key, "A", 4, [1, 0]).ToArray());
        yield return ("broken-odd-string.pol", new PolWriter().Record(Key, "A", 1, [0x41, 0, 0]).ToArray());
    }

    internal static IEnumerable<(string Name, byte[] Bytes)> RegFileSeeds()
    {
        yield return ("made-export-utf16-crlf.reg", RegWriter.Utf16WithBom(RegistryExportFileTests.ExportText("\r\n")));
        yield return ("made-export-utf8-lf.reg", RegWriter.Utf8(RegistryExportFileTests.ExportText("\n")));
        yield return ("made-deletes-and-comments.reg", RegWriter.Utf8(RegWriter.Lines("\r\n",
        [
            RegistryExportFile.Version5Header,
            "; comment",
            @"[-HKEY_LOCAL_MACHINE\SOFTWARE\Old]",
            @"[HKEY_CURRENT_USER\Software\New]",
            "@=-",
            "\"Gone\"=-",
            @"[HKEY_USERS\S-1-5-18\Software]",
            @"[HKEY_CLASSES_ROOT\.txt]",
            @"[HKEY_CURRENT_CONFIG\System]",
        ])));
        yield return ("made-regedit4-ansi.reg", RegWriter.Ansi(RegWriter.Lines("\r\n",
        [
            RegistryExportFile.Version4Header,
            @"[HKEY_CURRENT_USER\Software\Café]",
            "\"Price\"=\"5 \u20AC\"",
            "\"Expand\"=hex(2):25,54,45,4d,50,25,e9,00",
            "\"Multi\"=hex(7):61,00,80,00,00",
        ])));
        yield return ("broken-value-before-key.reg", RegWriter.Utf8(RegWriter.Lines("\r\n", [RegistryExportFile.Version5Header, "\"A\"=dword:00000001"])));
        yield return ("broken-no-equals.reg", RegWriter.Utf8(RegWriter.Lines("\r\n", [RegistryExportFile.Version5Header, @"[HKEY_USERS\X]", "just words"])));
        yield return ("broken-bad-hex.reg", RegWriter.Utf8(RegWriter.Lines("\r\n", [RegistryExportFile.Version5Header, @"[HKEY_USERS\X]", "\"A\"=hex:01,\\", "  0g"])));
        yield return ("broken-continuation-at-end.reg", RegWriter.Utf8(RegWriter.Lines("\r\n", [RegistryExportFile.Version5Header, @"[HKEY_USERS\X]", "\"A\"=hex:01,\\"])));
        yield return ("broken-unknown-hive.reg", RegWriter.Utf16WithBom(RegWriter.Lines("\r\n", [RegistryExportFile.Version5Header, @"[HKEY_DYN_DATA\X]"])));
    }

    [Fact]
    public void The_registry_pol_corpus_holds_the_seeds_these_tests_build()
    {
        Check("registry-pol", RegistryPolSeeds());
    }

    [Fact]
    public void The_reg_file_corpus_holds_the_seeds_these_tests_build()
    {
        Check("reg-file", RegFileSeeds());
    }

    [Fact]
    public void Made_seeds_read_and_broken_seeds_are_refused()
    {
        foreach (var (name, bytes) in RegistryPolSeeds())
        {
            if (name.StartsWith("broken-", StringComparison.Ordinal))
            {
                Assert.Throws<RegistryPolicyFormatException>(() => RegistryPolicyFile.Parse(bytes));
            }
            else
            {
                _ = RegistryPolicyFile.Parse(bytes);
            }
        }

        foreach (var (name, bytes) in RegFileSeeds())
        {
            if (name.StartsWith("broken-", StringComparison.Ordinal))
            {
                Assert.Throws<RegistryExportFormatException>(() => RegistryExportFile.Parse(bytes));
            }
            else
            {
                _ = RegistryExportFile.Parse(bytes);
            }
        }
    }

    private static void Check(string harness, IEnumerable<(string Name, byte[] Bytes)> seeds)
    {
        var folder = Path.Combine(Repo.Root, "fuzz", "corpus", harness);
        var write = Environment.GetEnvironmentVariable("ALS_WRITE_FUZZ_SEEDS") == "1";
        foreach (var (name, bytes) in seeds)
        {
            var path = Path.Combine(folder, name);
            if (write)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllBytes(path, bytes);
            }

            Assert.True(File.Exists(path), $"{path} is missing: run the tests with ALS_WRITE_FUZZ_SEEDS=1.");
            Assert.True(bytes.SequenceEqual(File.ReadAllBytes(path)), $"{path} is not what the tests build: run them with ALS_WRITE_FUZZ_SEEDS=1.");
        }
    }
}
