using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using AzureLocalSecurity.Integrity;

namespace AzureLocalSecurity.Packaging;

/// <summary>
/// The C# half of <c>build.ps1 -Task Package</c>: run on a module folder that build.ps1 has assembled (and Authenticode-signed,
/// when a certificate was given).
/// <code>
/// alsec-package sbom    --module DIR --assets FILE [--assets FILE ...] [--timestamp ISO-8601]
/// alsec-package sign    --module DIR --pfx FILE [--timestamp ISO-8601]     (password: ALSEC_SIGNING_PASSWORD)
/// alsec-package nupkg   --module DIR --out DIR [--timestamp ISO-8601]
/// alsec-package verify  --module DIR [--thumbprint HEX]
/// </code>
/// Exit code 0 on success, 1 on a failure (the message on stderr), 2 on wrong arguments.
/// </summary>
internal static class Program
{
    internal const string PasswordVariable = "ALSEC_SIGNING_PASSWORD";

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage("no command");
        }

        Dictionary<string, List<string>> options;
        try
        {
            options = Options(args.Skip(1).ToArray());
        }
        catch (ArgumentException e)
        {
            return Usage(e.Message);
        }

        try
        {
            switch (args[0])
            {
                case "sbom":
                    {
                        var module = Required(options, "module");
                        var path = Path.Combine(module, ModuleSbom.FileName);
                        var bytes = ModuleSbom.Write(PackageInventory.Describe(module, Many(options, "assets"), Timestamp(options)));
                        File.WriteAllBytes(path, bytes);
                        var read = ModuleSbom.Parse(bytes);
                        Console.WriteLine($"{path}: {read.Files.Count} files, {read.Packages.Count(p => p.Scope == "required")} shipped and {read.Packages.Count(p => p.Scope == "excluded")} build-only packages");
                        return 0;
                    }

                case "sign":
                    {
                        var module = Required(options, "module");
                        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? string.Empty;
                        using var certificate = LoadPfx(Required(options, "pfx"), password);
                        var sbom = File.ReadAllBytes(Path.Combine(module, ModuleSbom.FileName));
                        var signature = ModuleSignature.Sign(sbom, certificate, Timestamp(options) ?? DateTimeOffset.UtcNow);
                        File.WriteAllBytes(Path.Combine(module, ModuleSbom.SignatureFileName), signature);
                        Console.WriteLine($"{ModuleSbom.SignatureFileName}: signed by {certificate.Subject} ({certificate.Thumbprint})");
                        return 0;
                    }

                case "nupkg":
                    {
                        var path = NupkgWriter.Write(Required(options, "module"), Required(options, "out"), Timestamp(options));
                        Console.WriteLine(path);
                        return 0;
                    }

                case "verify":
                    {
                        var facts = Collection.ModuleFileCollector.Collect(Required(options, "module"));
                        var report = ModuleIntegrityAnalyzer.Analyze(facts, Many(options, "thumbprint"), checkChain: true);
                        Console.WriteLine($"{report.Status}: {string.Join(" ", report.Reasons)}");
                        return report.Status == ModuleIntegrityStatus.Tampered ? 1 : 0;
                    }

                default:
                    return Usage($"unknown command '{args[0]}'");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or FormatException or InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            Console.Error.WriteLine($"alsec-package {args[0]}: {e.Message}");
            return 1;
        }
    }

    internal static X509Certificate2 LoadPfx(string path, string password)
    {
#pragma warning disable SYSLIB0057 // X509CertificateLoader would do; this tool also names the flags it needs, which the loader takes the same way.
        return new X509Certificate2(path, password, X509KeyStorageFlags.EphemeralKeySet | X509KeyStorageFlags.Exportable);
#pragma warning restore SYSLIB0057
    }

    private static DateTimeOffset? Timestamp(Dictionary<string, List<string>> options)
    {
        if (!options.TryGetValue("timestamp", out var values) || values.Count == 0 || values[0].Length == 0)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(values[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new ArgumentException($"--timestamp '{values[0]}' is not a date and time.");
        }

        return time;
    }

    private static string Required(Dictionary<string, List<string>> options, string name) =>
        options.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : throw new ArgumentException($"--{name} is required, once.");

    private static List<string> Many(Dictionary<string, List<string>> options, string name) =>
        options.TryGetValue(name, out var values) ? values : [];

    private static Dictionary<string, List<string>> Options(string[] args)
    {
        var options = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"expected --name value at '{args[i]}'");
            }

            var name = args[i].Substring(2);
            if (!options.TryGetValue(name, out var values))
            {
                options[name] = values = [];
            }

            values.Add(args[i + 1]);
        }

        return options;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"alsec-package: {problem}. Commands: sbom --module DIR --assets FILE...; sign --module DIR --pfx FILE; nupkg --module DIR --out DIR; verify --module DIR [--thumbprint HEX]. Options: --timestamp ISO-8601.");
        return 2;
    }
}
