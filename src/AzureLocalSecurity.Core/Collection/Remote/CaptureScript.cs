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
    /// <c>RegistryKeys</c> (every key the baseline facts name, then the Secure Boot, Secured-core and system keys the native
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

        var keys = new List<string>();
        var keySet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        void AddKey(string key)
        {
            if (keySet.Add(key))
            {
                keys.Add(key);
            }
        }

        var rights = new List<string>();
        var rightSet = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var rids = new SortedSet<int>();
        var accountPolicy = false;
        var auditPolicy = false;
        var securedCore = false;
        foreach (var fact in baselineFacts)
        {
            switch (fact?.Source)
            {
                case FactSource.Registry:
                    AddKey(fact.Path);
                    break;
                case FactSource.UserRight when rightSet.Add(fact.Name):
                    rights.Add(fact.Name);
                    break;
                case FactSource.AccountPolicy:
                    accountPolicy = true;
                    break;
                case FactSource.AuditPolicy:
                    auditPolicy = true;
                    break;
                case FactSource.BuiltinAccount when int.TryParse(fact.Path, NumberStyles.None, CultureInfo.InvariantCulture, out var rid):
                    rids.Add(rid);
                    break;
                case FactSource.SecuredCoreStatus:
                    securedCore = true;
                    break;
            }
        }

        if (securedCore)
        {
            foreach (var support in BaselineFactMap.SecuredCoreSupportFacts)
            {
                AddKey(support.Path);
            }
        }

        // The native collectors file the fixed keys under their own spelling beside the baseline's (ids are compared
        // ordinally), so a fixed key is read again when the baseline spells it otherwise.
        foreach (var key in SecureBootKeys.Concat(SecuredCoreEvidenceIds.RegistryKeys).Concat(DefenderEvidenceIds.RegistryKeys).Concat([EvidenceIds.WindowsCurrentVersionKey, SetupKey]))
        {
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                keys.Add(key);
            }
        }

        return new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase)
        {
            ["RegistryKeys"] = keys.ToArray(),
            ["UserRights"] = rights.ToArray(),
            ["BuiltinRids"] = rids.ToArray(),
            ["AccountPolicy"] = accountPolicy,
            ["AuditPolicy"] = auditPolicy,
            ["Since"] = since is { } s ? s.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) : string.Empty,
            ["MaxEvents"] = maxEvents,
            ["SecureBootVariables"] = EfiVariableNames.SecureBootVariables.Select(v => v.Name).ToArray(),
            ["ServicingEventQuery"] = SecureBootEventQuery.ForCatalog(),
            ["ServicingMaxEvents"] = ServicingMaxEvents,
            ["CodeIntegrityEventIds"] = AppControlEvidenceIds.EventIds.ToArray(),
        };
    }

    private static string Load()
    {
        const string Name = "AzureLocalSecurity.Collection.Remote.Capture.ps1";
        using var stream = typeof(CaptureScript).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException("The capture script is not embedded in this build (resource " + Name + ").");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8, true);
        return reader.ReadToEnd();
    }
}
