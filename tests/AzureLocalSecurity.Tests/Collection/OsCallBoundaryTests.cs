using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using AzureLocalSecurity.Tests.Support;
using Xunit;

namespace AzureLocalSecurity.Tests.Collection;

/// <summary>
/// The architecture's boundary, checked on every build: the operating system is reached only from the collectors and
/// executors (src/AzureLocalSecurity.Core/Collection) and the TPM transports (src/AzureLocalSecurity.Core/Tpm/Transports).
/// Analyzers, parsers, plans and cmdlets stay pure, so they run and are tested anywhere. P/Invoke is found in the built
/// assemblies' metadata (it cannot hide in a string); CIM, the registry, processes, event logs, sockets, the directory
/// service and the firmware variables are found in the source with comments and string literals taken out.
/// </summary>
public sealed class OsCallBoundaryTests
{
    private static readonly string[] AllowedFolders =
    [
        Path.Combine("src", "AzureLocalSecurity.Core", "Collection") + Path.DirectorySeparatorChar,
        Path.Combine("src", "AzureLocalSecurity.Core", "Tpm", "Transports") + Path.DirectorySeparatorChar,
    ];

    /// <summary>Names that only an OS call (or its result type) uses: each is a finding outside the allowed folders.</summary>
    private static readonly Regex OsApi = new(
        @"\b(DllImport|LibraryImport|CimSession|CimInstance|CimMethodParametersCollection|ManagementObject|ManagementScope|ManagementClass|" +
        @"RegistryKey\.Open\w*|RegistryHive|Microsoft\.Win32|Registry\.LocalMachine|ProcessStartInfo|Process\.Start|EventLogReader|EventLogSession|EventLogQuery|" +
        @"TcpClient|Socket|DirectorySearcher|DirectoryEntry|SafeFileHandle|Marshal\.GetLastWin32Error)\b",
        RegexOptions.CultureInvariant);

    [Fact]
    public void Every_P_Invoke_of_the_module_and_Core_is_declared_under_AzureLocalSecurity_Collection_Windows()
    {
        var module = Path.Combine(Repo.Root, "bin", "Core", "AzureLocalSecurity.dll");
        Assert.True(File.Exists(module), module + " is not built");
        var assemblies = new[] { typeof(AzureLocalSecurity.ModuleInfo).Assembly, Assembly.LoadFrom(module) };
        var pinvokes = assemblies
            .SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => (m.Attributes & MethodAttributes.PinvokeImpl) != 0)
                .Select(m => (Type: t, Method: m)))
            .ToList();

        Assert.NotEmpty(pinvokes); // the Windows collectors do declare some: a scan that finds none is broken
        var outside = pinvokes.Where(p => p.Type.Namespace != "AzureLocalSecurity.Collection.Windows").Select(p => $"{p.Type.FullName}.{p.Method.Name}").ToList();
        Assert.True(outside.Count == 0, "P/Invoke outside Collection.Windows: " + string.Join(", ", outside));
    }

    [Fact]
    public void No_source_file_outside_the_collectors_and_transports_names_an_OS_API()
    {
        var root = Repo.Root;
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {root}");

        var findings = new List<string>();
        var inside = 0;
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file);
            var code = CodeOnly(File.ReadAllText(file));
            var matches = OsApi.Matches(code);
            if (AllowedFolders.Any(a => relative.StartsWith(a, StringComparison.Ordinal)))
            {
                inside += matches.Count;
                continue;
            }

            findings.AddRange(matches.Select(m => $"{relative}: {m.Value}"));
        }

        Assert.True(inside > 0, "no OS API found even in the collectors: the scan is broken");
        Assert.True(findings.Count == 0, "OS APIs outside the collectors and transports:\n" + string.Join("\n", findings.Distinct()));
    }

    [Theory]
    [InlineData("var k = RegistryKey.OpenBaseKey(h, v);", true)]
    [InlineData("// RegistryKey.OpenBaseKey in a comment", false)]
    [InlineData("/* CimSession.Create */ var x = 1;", false)]
    [InlineData("var s = \"uses CimInstance\";", false)]
    [InlineData("var s = @\"a \"\"DllImport\"\" b\";", false)]
    [InlineData("var s = $\"{value} EventLogReader\";", false)]
    [InlineData("var c = '\"'; var p = new ProcessStartInfo(x);", true)]
    [InlineData("var r = \"\"\"\n  a \"DllImport\" b\n  \"\"\"; var t = new TcpClient();", true)]
    [InlineData("var r = $\"\"\"{x} RegistryKey\"\"\";", false)]
    public void The_scan_sees_code_and_not_comments_or_strings(string code, bool found)
    {
        Assert.Equal(found, OsApi.IsMatch(CodeOnly(code)));
    }

    /// <summary>Where a raw string literal's opening quotes start and how many there are (three or more), or null.</summary>
    private static (int Start, int Count)? RawQuotes(string text, int i)
    {
        var start = i;
        while (start < text.Length && text[start] == '$')
        {
            start++;
        }

        if (start < text.Length && text[start] != '"' || (start == i && text[i] != '"'))
        {
            return null;
        }

        var count = 0;
        while (start + count < text.Length && text[start + count] == '"')
        {
            count++;
        }

        return count >= 3 ? (start, count) : null;
    }

    /// <summary>C# text with comments, string and character literals replaced by spaces (interpolation holes are dropped too: the scan is for names in code).</summary>
    private static string CodeOnly(string text)
    {
        var code = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && next == '*')
            {
                var end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
                code.Append(' ');
            }
            else if (RawQuotes(text, i) is { } raw)
            {
                // A raw string literal ("""...""", $"""..."""): it ends at the same run of quotes it began with.
                var end = text.IndexOf(new string('"', raw.Count), raw.Start + raw.Count, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + raw.Count;
                code.Append(' ');
            }
            else if (c == '"' || ((c == '@' || c == '$') && next == '"') || ((c == '@' || c == '$') && (next == '@' || next == '$') && i + 2 < text.Length && text[i + 2] == '"'))
            {
                var verbatim = false;
                while (text[i] != '"')
                {
                    verbatim |= text[i] == '@';
                    i++;
                }

                i++;
                while (i < text.Length)
                {
                    if (verbatim && text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i += 2;
                    }
                    else if (!verbatim && text[i] == '\\')
                    {
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        i++;
                    }
                }

                code.Append(' ');
            }
            else if (c == '\'')
            {
                i++;
                while (i < text.Length && text[i] != '\'')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
                code.Append(' ');
            }
            else
            {
                code.Append(c);
                i++;
            }
        }

        return code.ToString();
    }
}
