using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using AzureLocalSecurity.Baseline.Facts;
using AzureLocalSecurity.Evidence;
using AzureLocalSecurity.SecureBoot.VariableStore;

namespace AzureLocalSecurity.Collection.Remote;

/// <summary>
/// The in-box capture script: PowerShell that reads a node's raw security facts with in-box Windows commands only (Windows
/// PowerShell 5.1 or PowerShell 7, no module, no Add-Type) and returns them as one JSON string in the <c>alsec-capture</c>
/// format (docs/capture-format.md). Run it where the module is not installed (over remoting: <c>Invoke-Command -ScriptBlock
/// ([scriptblock]::Create($text)) -ArgumentList ...</c>, or by splatting <see cref="Parameters"/>), and turn the string into an
/// evidence bundle with <see cref="Evidence.Import.CaptureImporter"/>. The script never reads a secret: it never calls a
/// BitLocker method that returns a recovery password or a key file.
/// </summary>
public static class CaptureScript
{
    /// <summary>The version the script writes into its documents (<c>scriptVersion</c>).</summary>
    public const string Version = "1.0.0";

    /// <summary>The default window of Code Integrity events when no <c>since</c> is given, in days.</summary>
    public const int DefaultEventDays = 7;

    /// <summary>The default most events read from the Code Integrity log.</summary>
    public const int DefaultMaxEvents = 2000;

    /// <summary>The most Secure Boot servicing events read (as the native collector).</summary>
    public const int ServicingMaxEvents = 500;

    /// <summary>The registry key the script reads the EFI system partition's device name from.</summary>
    internal const string SetupKey = @"HKLM\SYSTEM\Setup";

    /// <summary>The Secure Boot state and servicing keys (the native Secure Boot collector's list).</summary>
    internal static readonly IReadOnlyList<string> SecureBootKeys =
    [
        @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot",
        @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\State",
        @"HKLM\SYSTEM\CurrentControlSet\Control\SecureBoot\Servicing",
    ];

    private static readonly Lazy<string> _text = new(Load);

    /// <summary>The script's text (a script block body with a <c>param()</c> block).</summary>
    public static string Text => _text.Value;

    /// <summary>
    /// The parameters to run the script with, by name (splat them, or pass them to <c>PowerShell.AddParameters</c>):
    /// <c>RegistryKeys</c> (every key the baseline facts name, then the Secure Boot, Secured-core, security-logging, cryptography and system keys the native
    /// collectors read), <c>UserRights</c> and <c>BuiltinRids</c> (from the UserRight and BuiltinAccount facts),
    /// <c>AccountPolicy</c> and <c>AuditPolicy</c> (whether such facts are asked for), <c>Since</c> (ISO 8601, UTC, or empty for
    /// the last <see cref="DefaultEventDays"/> days), <c>MaxEvents</c>, <c>SecureBootVariables</c>, <c>ServicingEventQuery</c>,
    /// <c>ServicingMaxEvents</c> and <c>CodeIntegrityEventIds</c>. Values are strings, string arrays, int arrays, bools and ints
    /// only, so they cross a remoting boundary unchanged.
    /// </summary>
    /// <param name="baselineFacts">The facts to read, as <see cref="BaselineFactMap.RequiredFacts"/> gives them (any source; an empty list reads no baseline area but the fixed ones).</param>
    /// <param name="since">The oldest Code Integrity event to read, or null for the last <see cref="DefaultEventDays"/> days.</param>
    /// <param name="maxEvents">The most Code Integrity events to read (1 to 100,000).</param>
    public static IDictionary<string, object> Parameters(IEnumerable<FactRef> baselineFacts, DateTimeOffset? since, int maxEvents)
    {
        if (baselineFacts is null)
        {
            throw new ArgumentNullException(nameof(baselineFacts));
        }

        if (maxEvents < 1 || maxEvents > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEvents), maxEvents, "Between 1 and 100,000 events are read.");
        }

        var plan = BaselineCollectionPlan.From(baselineFacts);
        var keys = plan.RegistryKeys;

        // The native collectors file the fixed keys under their own spelling beside the baseline's (ids are compared
        // ordinally), so a fixed key is read again when the baseline spells it otherwise.
        foreach (var key in SecureBootKeys.Concat(SecuredCoreEvidenceIds.RegistryKeys).Concat(SecurityLoggingEvidenceIds.RegistryKeys).Concat(CryptographyEvidenceIds.RegistryKeys).Concat(DefenderEvidenceIds.RegistryKeys).Concat([EvidenceIds.WindowsCurrentVersionKey, SetupKey]))
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["RegistryKeys"] = keys.ToArray(),
            ["UserRights"] = plan.UserRights.ToArray(),
            // The script takes Int32 RIDs; a RID above Int32.MaxValue is not a built-in account's.
            ["BuiltinRids"] = plan.BuiltinRids.Where(r => r <= int.MaxValue).Select(r => (int)r).ToArray(),
            ["AccountPolicy"] = plan.AccountPolicy,
            ["AuditPolicy"] = plan.AuditPolicy,
            ["Since"] = since is { } s ? s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) : string.Empty,
            ["MaxEvents"] = maxEvents,
            ["SecureBootVariables"] = EfiVariableNames.SecureBootVariables.Select(v => v.Name).ToArray(),
            ["ServicingEventQuery"] = SecureBootEventQuery.ForCatalog(),
            ["ServicingMaxEvents"] = ServicingMaxEvents,
            ["CodeIntegrityEventIds"] = AppControlEvidenceIds.EventIds.ToArray(),
        };
    }

    /// <summary>Every fact the latest shipped baselines read, both profiles (domain-joined and AD-less), each once: what a fleet or standalone capture is asked for.</summary>
    public static IReadOnlyList<FactRef> ShippedBaselineFacts() =>
        new[] { Baseline.BaselineProfile.DomainJoined, Baseline.BaselineProfile.AdLess }
            .SelectMany(p => BaselineFactMap.RequiredFacts(Baseline.Catalog.ShippedBaselines.Get(null, p).Rules))
            .Distinct()
            .ToList();

    /// <summary>
    /// A script an admin runs by hand on a node (in-box commands only; no module): this capture script with its arguments
    /// written in, which saves the JSON as <c>&lt;COMPUTERNAME&gt;.alsec-capture.json</c> in its <c>-OutputFolder</c> (the
    /// current folder by default) and prints the file's path. <see cref="Evidence.Import.EvidenceFileImporter"/> reads the file.
    /// </summary>
    /// <param name="parameters">The arguments, as <see cref="Parameters"/> gives them.</param>
    /// <param name="generatedFor">Who it was generated for (a line of the header comment): the module version and baselines.</param>
    public static string Standalone(IDictionary<string, object> parameters, string generatedFor)
    {
        if (parameters is null)
        {
            throw new ArgumentNullException(nameof(parameters));
        }

        if (generatedFor is null)
        {
            throw new ArgumentNullException(nameof(generatedFor));
        }

        var text = new System.Text.StringBuilder();
        text.Append("<#\n.SYNOPSIS\nAzureLocalSecurity evidence collection: format ").Append(Evidence.Import.CaptureDocument.FormatName)
            .Append(' ').Append(Evidence.Import.CaptureDocument.CurrentFormatVersion.ToString(CultureInfo.InvariantCulture))
            .Append(", capture script ").Append(Version).Append(".\n.DESCRIPTION\n")
            .Append("Generated by Get-ALEvidenceCollectionScript ").Append(Comment(generatedFor)).Append(".\n")
            .Append("Reads this node's security facts with in-box commands only (no module, no Add-Type) and writes one file,\n")
            .Append("<COMPUTERNAME>.alsec-capture.json, into -OutputFolder. Run it as an administrator in Windows PowerShell 5.1 or\n")
            .Append("PowerShell 7. No secret is read. Bring the file to a machine with the module and run\n")
            .Append("New-ALSecurityEvidence -FromPath <folder>.\n#>\n")
            .Append("param([string] $OutputFolder = (Get-Location).ProviderPath)\n\n")
            .Append("$alsArguments = @{\n");
        foreach (var pair in parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append("    ").Append(pair.Key).Append(" = ").Append(Literal(pair.Value)).Append('\n');
        }

        text.Append("}\n\n$alsCapture = {\n").Append(Text.TrimEnd()).Append("\n}\n\n")
            .Append("$alsJson = [string] (& $alsCapture @alsArguments)\n")
            .Append("$alsName = [string] $env:COMPUTERNAME\n")
            .Append("if ([string]::IsNullOrEmpty($alsName)) { $alsName = [System.Environment]::MachineName }\n")
            .Append("$alsPath = [System.IO.Path]::Combine($OutputFolder, $alsName + '.alsec-capture.json')\n")
            .Append("[System.IO.File]::WriteAllText($alsPath, $alsJson, [System.Text.UTF8Encoding]::new($false))\n")
            .Append("$alsPath\n");
        return text.ToString();
    }

    private static string Comment(string text) => text.Replace("#>", "# >").Replace("\r", " ").Replace("\n", " ");

    /// <summary>A PowerShell literal of a capture argument: strings single-quoted, arrays as @(...), bools and numbers.</summary>
    private static string Literal(object? value) => value switch
    {
        null => "$null",
        string s => "'" + s.Replace("'", "''").Replace("\u2018", "\u2018\u2018").Replace("\u2019", "\u2019\u2019").Replace("\u201A", "\u201A\u201A").Replace("\u201B", "\u201B\u201B") + "'",
        bool b => b ? "$true" : "$false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e => "@(" + string.Join(", ", e.Cast<object?>().Select(Literal)) + ")",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A capture argument of type {value.GetType().Name} cannot be written as a literal."),
    };

    private static string Load()
    {
        const string Name = "AzureLocalSecurity.Collection.Remote.Capture.ps1";
        using var stream = typeof(CaptureScript).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException("The capture script is not embedded in this build (resource " + Name + ").");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, true);
        return reader.ReadToEnd();
    }
}
