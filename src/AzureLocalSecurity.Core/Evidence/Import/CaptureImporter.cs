using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Collection.Windows;
using AzureLocalSecurity.SecureBoot.VariableStore;
using Newtonsoft.Json.Linq;
using P = AzureLocalSecurity.Evidence.BaselineEvidenceProperties;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// Turns a capture document into an evidence bundle with the ids and record shapes the native Windows collectors file, so
/// every analyzer reads it unchanged. Raw tool outputs are parsed here (the auditpol CSV by <see cref="AuditPolicyCsv"/>, the
/// secedit INF by <see cref="SecurityTemplateInf"/>), CIM values are rebuilt with their exact CLR types and mapped as the
/// native CIM readers map them. Facts no in-box command reaches (the kernel's code integrity and isolated user mode flags, the
/// DMA guard policy, TBS, raw TPM commands, firmware variable attributes, GetFirmwareType, NetGetJoinInformation) are error
/// items with category NotSupported and the reason, so analyzers report Unknown or use their documented fallbacks. Every
/// item's Source names the script version and the command.
/// </summary>
public static class CaptureImporter
{
    /// <summary>The message of the facts no in-box command reaches.</summary>
    public const string NotReadableInBox = "not readable with in-box commands: only the module's native collector reaches it";

    /// <summary>TIMEQ_FOREVER (lmaccess.h): NetUserModalsGet's "never" for ages, durations and the forced logoff.</summary>
    private const ulong TimeqForever = 0xFFFFFFFF;

    private const uint UfAccountDisable = 0x2;

    /// <summary>Reads a capture document's JSON and imports it.</summary>
    /// <exception cref="CaptureFormatException">The JSON is not a capture document, or a capture's data is not of the shape its name says.</exception>
    public static EvidenceBundle ToBundle(string captureJson) => ToBundle(CaptureDocument.Parse(captureJson));

    /// <summary>Imports a parsed capture document.</summary>
    /// <exception cref="CaptureFormatException">A capture's data is not of the shape its name says; the message gives its JSON path.</exception>
    public static EvidenceBundle ToBundle(CaptureDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var import = new Import(document);
        import.Run();
        return new EvidenceBundle(EvidenceSchema.CurrentVersion, NodeOf(document), document.CapturedAt, ModuleInfo.Version, import.Items);
    }

    /// <summary>A security template's [Registry Values] under one key (<c>HKLM\...</c>) as registry values: REG_SZ, REG_EXPAND_SZ, REG_DWORD and REG_MULTI_SZ; other types are left out (their text form is not the stored bytes).</summary>
    internal static List<RegistryValueEvidence> TemplateRegistryValues(SecurityTemplateInf template, string keyPath) => Import.TemplateRegistryValues(template, keyPath);

    private static NodeIdentity NodeOf(CaptureDocument document)
    {
        var node = document.Node;
        var os = string.Join(" ", new[] { node.OsCaption, node.OsVersion }.Where(s => !string.IsNullOrEmpty(s)));
        var arch = node.Architecture ?? string.Empty;
        var architecture = arch.IndexOf("ARM", StringComparison.OrdinalIgnoreCase) >= 0 ? "Arm64"
            : arch.IndexOf("64", StringComparison.Ordinal) >= 0 ? "X64"
            : arch.IndexOf("32", StringComparison.Ordinal) >= 0 ? "X86"
            : arch.Length > 0 ? arch : "Unknown";
        return new NodeIdentity(node.ComputerName, NodePlatform.Windows, os.Length > 0 ? os : "Windows", architecture);
    }

    /// <summary>The category of a capture's error: the script's own word first, then the exception type and code.</summary>
    internal static EvidenceError ToEvidenceError(CaptureEntryError error, bool missingClassIsNotSupported = false)
    {
        long? code = null;
        if (error.Code is { } text && text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && long.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            code = hex;
        }

        var message = error.Type == "capture" ? error.Message : $"{error.Type}: {error.Message}";
        if (error.Category is { } given && Enum.TryParse<EvidenceErrorCategory>(given, ignoreCase: false, out var category) && given.All(char.IsLetter))
        {
            return new EvidenceError(category, message, code);
        }

        var type = error.Type;
        if (type.EndsWith("UnauthorizedAccessException", StringComparison.Ordinal) || type.EndsWith("SecurityException", StringComparison.Ordinal) || error.Code == "AccessDenied")
        {
            return new EvidenceError(EvidenceErrorCategory.AccessDenied, message, code);
        }

        if (error.Code is "InvalidNamespace" or "InvalidClass")
        {
            return new EvidenceError(missingClassIsNotSupported ? EvidenceErrorCategory.NotSupported : EvidenceErrorCategory.NotFound, message, code);
        }

        if (type.EndsWith("ItemNotFoundException", StringComparison.Ordinal) || type.EndsWith("FileNotFoundException", StringComparison.Ordinal) || type.EndsWith("DirectoryNotFoundException", StringComparison.Ordinal))
        {
            return new EvidenceError(EvidenceErrorCategory.NotFound, message, code);
        }

        if (type.EndsWith("CommandNotFoundException", StringComparison.Ordinal) || type.EndsWith("PlatformNotSupportedException", StringComparison.Ordinal))
        {
            return new EvidenceError(EvidenceErrorCategory.NotSupported, message, code);
        }

        return new EvidenceError(EvidenceErrorCategory.Failed, message, code);
    }

    /// <summary>
    /// What a failed Get-SecureBootUEFI means: STATUS_VARIABLE_NOT_FOUND (0xC0000100) is a variable the firmware does not have;
    /// STATUS_NOT_SUPPORTED (0xC00000BB) and STATUS_NOT_IMPLEMENTED (0xC0000002) a node without UEFI variables (a BIOS boot);
    /// the cmdlet's own "not supported on this platform" says the same.
    /// </summary>
    internal static EvidenceError SecureBootError(CaptureEntryError error)
    {
        var message = error.Type == "capture" ? error.Message : $"{error.Type}: {error.Message}";
        if (error.Message.IndexOf("0xC0000100", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new EvidenceError(EvidenceErrorCategory.NotFound, "The firmware has no such variable (" + message + ").", 0xC0000100);
        }

        if (error.Message.IndexOf("0xC0000002", StringComparison.OrdinalIgnoreCase) >= 0 || error.Message.IndexOf("0xC00000BB", StringComparison.OrdinalIgnoreCase) >= 0
            || error.Message.IndexOf("not supported on this platform", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new EvidenceError(EvidenceErrorCategory.NotSupported, "The node has no UEFI variables to read (" + message + ").");
        }

        return ToEvidenceError(error);
    }

    /// <summary>A typed value of the document as the CLR object the native CIM reader would have been handed.</summary>
    internal static object? ToClr(JToken? token, string path)
    {
        var typed = CaptureJson.Object(token, path);
        var t = CaptureJson.String(typed, "t", path);
        if (t == "Null")
        {
            return null;
        }

        var v = typed["v"];
        string Text() => v?.Type == JTokenType.String ? (string)v! : throw CaptureJson.Fail(path + ".v", "a string", v);
        string[] Texts()
        {
            var array = CaptureJson.Array(v, path + ".v");
            var list = new string[array.Count];
            for (var i = 0; i < list.Length; i++)
            {
                list[i] = array[i].Type == JTokenType.String ? (string)array[i]! : throw CaptureJson.Fail($"{path}.v[{i}]", "a string", array[i]);
            }

            return list;
        }

        T Parse<T>(string text, Func<string, NumberStyles, IFormatProvider, T> parse) where T : struct
        {
            try
            {
                return parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                throw new CaptureFormatException($"'{text}' is not a {t}.", path + ".v", null, ex);
            }
        }

        T[] Array<T>(Func<string, NumberStyles, IFormatProvider, T> parse) where T : struct => Texts().Select(s => Parse(s, parse)).ToArray();

        return t switch
        {
            "String" => Text(),
            "Boolean" => v?.Type == JTokenType.Boolean ? (bool)v! : throw CaptureJson.Fail(path + ".v", "true or false", v),
            "Byte" => Parse(Text(), byte.Parse),
            "SByte" => Parse(Text(), sbyte.Parse),
            "Int16" => Parse(Text(), short.Parse),
            "UInt16" => Parse(Text(), ushort.Parse),
            "Int32" => Parse(Text(), int.Parse),
            "UInt32" => Parse(Text(), uint.Parse),
            "Int64" => Parse(Text(), long.Parse),
            "UInt64" => Parse(Text(), ulong.Parse),
            "DateTime" => CaptureJson.Time(typed, "v", path).UtcDateTime,
            "Byte[]" => CaptureJson.Base64(typed, "v", path),
            "UInt16[]" => Array(ushort.Parse),
            "UInt32[]" => Array(uint.Parse),
            "UInt64[]" => Array(ulong.Parse),
            "Int32[]" => Array(int.Parse),
            "Int64[]" => Array(long.Parse),
            "String[]" => Texts(),
            _ => throw new CaptureFormatException($"'{t}' is not a value type of the capture format (String, Boolean, Byte ... UInt64, DateTime, Byte[], UInt16[], UInt32[], UInt64[], Int32[], Int64[], String[], Null).", path + ".t"),
        };
    }

    /// <summary>[System Access] settings no documented API returns, filed from a secedit export as they stand.</summary>
    private static readonly string[] UndocumentedSystemAccess =
    [
        Baseline.Facts.BaselineFactNames.PasswordComplexity,
        Baseline.Facts.BaselineFactNames.ClearTextPassword,
        Baseline.Facts.BaselineFactNames.AllowAdministratorLockout,
        Baseline.Facts.BaselineFactNames.LsaAnonymousNameLookup,
    ];

    private sealed class Import
    {
        private readonly CaptureDocument _document;
        private readonly List<EvidenceItem> _items = [];
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly List<CaptureEntry> _registryFailures = [];

        internal Import(CaptureDocument document) => _document = document;

        internal List<EvidenceItem> Items => _items;

        private DateTimeOffset Now => _document.CapturedAt;

        internal void Run()
        {
            var entries = _document.Captures;
            foreach (var entry in entries.Where(e => e.Name == "registry"))
            {
                Registry(entry);
            }

            var secedit = entries.FirstOrDefault(e => e.Name == "secedit");
            SecurityTemplateInf? template = null;
            if (secedit is not null)
            {
                template = SecurityTemplate(secedit);
            }

            RegistryFallback(template, secedit);

            foreach (var entry in entries)
            {
                switch (entry.Name)
                {
                    case "auditpol":
                        AuditPolicy(entry);
                        break;
                    case "localAccounts":
                        BuiltinAccounts(entry);
                        break;
                    case "cim":
                        Cim(entry);
                        break;
                    case "tpm":
                        Tpm(entry);
                        break;
                    case "bitlocker":
                        BitLocker(entry);
                        break;
                    case "secureBootVariable":
                        SecureBootVariable(entry);
                        break;
                    case "espFile" when SecureBootEvidenceIds.BootFiles.Contains(entry.Target, StringComparer.Ordinal):
                        // Only the boot files the native collectors read: another target names no id this version files.
                        Blob(entry, SecureBootEvidenceIds.EspFile(entry.Target));
                        break;
                    case "events":
                        Events(entry);
                        break;
                    case "citool":
                        CiTool(entry);
                        break;
                    case "ciPolicies":
                        CiPolicies(entry);
                        break;
                    case "file":
                        PolicyFile(entry);
                        break;
                }
            }

            NotReadable();
            if (_document.PowerShellEdition.Length == 0 && _document.PowerShellVersion.Length == 0)
            {
                return; // Assembled from files no PowerShell wrote: no host to tell of.
            }

            Add(EvidenceItem.ForRecords(EvidenceIds.PowerShellHost, Source("$PSVersionTable"), Now,
            [
                new EvidenceRecord(
                [
                    new("Edition", EvidenceValue.FromString(_document.PowerShellEdition)),
                    new("Version", EvidenceValue.FromString(_document.PowerShellVersion)),
                ]),
            ]));
        }

        private string Source(string command) => $"{_document.SourcePrefix}: {command}";

        private string Source(CaptureEntry entry) => Source(entry.Command);

        private void Add(EvidenceItem item)
        {
            if (!_ids.Add(item.Id))
            {
                throw new CaptureFormatException($"The document files evidence id '{item.Id}' twice.", "captures");
            }

            _items.Add(item);
        }

        private void Error(CaptureEntry entry, string id, EvidenceKind kind, EvidenceError? error = null) =>
            Add(EvidenceItem.ForError(id, kind, Source(entry), entry.CapturedAt, error ?? ToEvidenceError(entry.Error!)));

        private void Registry(CaptureEntry entry)
        {
            var id = EvidenceIds.Registry(entry.Target);
            if (!entry.Succeeded)
            {
                var error = ToEvidenceError(entry.Error!);
                if (error.Category != EvidenceErrorCategory.NotFound)
                {
                    // Filed after secedit is read: its [Registry Values] may stand in for a key the registry did not give.
                    _registryFailures.Add(entry);
                    return;
                }

                Error(entry, id, EvidenceKind.Registry, error);
                return;
            }

            var data = entry.Data!;
            var values = new List<RegistryValueEvidence>();
            var array = CaptureJson.Array(data["values"], entry.Path + ".data.values");
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"{entry.Path}.data.values[{i}]";
                var value = CaptureJson.Object(array[i], path);
                var name = CaptureJson.String(value, "name", path);
                var kind = CaptureJson.String(value, "kind", path);
                values.Add(new RegistryValueEvidence(name, RegistryValue(kind, value, path)));
            }

            var subKeys = CaptureJson.Strings(data, "subKeys", entry.Path + ".data");
            try
            {
                Add(EvidenceItem.ForRegistry(id, Source(entry), entry.CapturedAt, new RegistryKeyEvidence(entry.Target, values, subKeys)));
            }
            catch (ArgumentException ex)
            {
                throw new CaptureFormatException(ex.Message, entry.Path + ".data.values", null, ex);
            }
        }

        private static EvidenceValue RegistryValue(string kind, JObject value, string path)
        {
            string Text() => CaptureJson.String(value, "value", path);
            try
            {
                return kind switch
                {
                    "String" => EvidenceValue.FromString(Text()),
                    "ExpandString" => EvidenceValue.FromExpandString(Text()),
                    "MultiString" => EvidenceValue.FromMultiString(CaptureJson.Strings(value, "value", path)),
                    "DWord" => EvidenceValue.FromDWord(uint.Parse(Text(), NumberStyles.None, CultureInfo.InvariantCulture)),
                    "QWord" => EvidenceValue.FromQWord(ulong.Parse(Text(), NumberStyles.None, CultureInfo.InvariantCulture)),
                    "Binary" or "None" => EvidenceValue.FromBinary(CaptureJson.Base64(value, "value", path)),
                    _ => throw new CaptureFormatException($"'{kind}' is not a registry value kind (String, ExpandString, MultiString, DWord, QWord, Binary, None).", path + ".kind"),
                };
            }
            catch (Exception ex) when (ex is FormatException and not CaptureFormatException || ex is OverflowException)
            {
                throw new CaptureFormatException($"The {kind} value is not a number of its size.", path + ".value", null, ex);
            }
        }

        /// <summary>
        /// Keys the registry read failed on (not NotFound) get the values secedit's [Registry Values] has for them, marked in
        /// the Source as that fallback (no subkeys: the template does not list them); keys it has none for keep their error.
        /// </summary>
        private void RegistryFallback(SecurityTemplateInf? template, CaptureEntry? secedit)
        {
            foreach (var failure in _registryFailures)
            {
                var id = EvidenceIds.Registry(failure.Target);
                var values = template is null ? [] : TemplateRegistryValues(template, failure.Target);
                if (values.Count == 0)
                {
                    Error(failure, id, EvidenceKind.Registry);
                    continue;
                }

                var source = Source(secedit!) + $" [Registry Values], because the registry read failed ({failure.Error!.Message})";
                Add(EvidenceItem.ForRegistry(id, source, secedit!.CapturedAt, new RegistryKeyEvidence(failure.Target, values)));
            }
        }

        /// <summary>The [Registry Values] entries under a key: <c>MACHINE\path\name=type,data</c> (1 REG_SZ, 2 REG_EXPAND_SZ, 4 REG_DWORD, 7 REG_MULTI_SZ).</summary>
        internal static List<RegistryValueEvidence> TemplateRegistryValues(SecurityTemplateInf template, string keyPath)
        {
            var list = new List<RegistryValueEvidence>();
            var slash = keyPath.IndexOf('\\');
            if (slash < 0 || !keyPath.Substring(0, slash).Equals("HKLM", StringComparison.OrdinalIgnoreCase))
            {
                return list;
            }

            var prefix = @"MACHINE\" + keyPath.Substring(slash + 1) + @"\";
            foreach (var entry in template.Section(SecurityTemplateInf.RegistryValuesSection))
            {
                if (!entry.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || entry.Key.IndexOf('\\', prefix.Length) >= 0)
                {
                    continue;
                }

                var comma = entry.Value.IndexOf(',');
                if (comma < 0)
                {
                    continue;
                }

                var data = entry.Value.Substring(comma + 1);
                var name = entry.Key.Substring(prefix.Length);
                EvidenceValue? value = entry.Value.Substring(0, comma).Trim() switch
                {
                    "1" => EvidenceValue.FromString(Unquote(data)),
                    "2" => EvidenceValue.FromExpandString(Unquote(data)),
                    "4" when uint.TryParse(data.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var dword) => EvidenceValue.FromDWord(dword),
                    "7" => EvidenceValue.FromMultiString(data.Length == 0 ? [] : data.Split(',')),
                    _ => null, // REG_BINARY and others: the template's text form is not the stored bytes, so it is not guessed at.
                };
                if (value is not null)
                {
                    list.Add(new RegistryValueEvidence(name, value));
                }
            }

            return list;
        }

        private static string Unquote(string text)
        {
            var t = text.Trim();
            return t.Length >= 2 && t[0] == '"' && t[t.Length - 1] == '"' ? t.Substring(1, t.Length - 2) : t;
        }

        private void AuditPolicy(CaptureEntry entry)
        {
            const string Id = BaselineEvidenceIds.AuditSystemPolicy;
            if (!entry.Succeeded)
            {
                Error(entry, Id, EvidenceKind.Properties);
                return;
            }

            AuditPolicyCsv csv;
            try
            {
                csv = AuditPolicyCsv.Parse(CaptureJson.Base64(entry.Data!, "csv", entry.Path + ".data"));
            }
            catch (CaptureFormatException ex) when (ex.Location is null)
            {
                Error(entry, Id, EvidenceKind.Properties, new EvidenceError(EvidenceErrorCategory.Failed, "The auditpol backup could not be read: " + ex.Message));
                return;
            }

            var records = csv.Subcategories.Select(row => new EvidenceRecord(
            [
                new(P.SubcategoryGuid, EvidenceValue.FromString(row.SubcategoryGuid!.Value.ToString("D"))),
                new(P.AuditingInformation, EvidenceValue.FromUInt64(row.AuditingInformation!.Value)),
            ]));
            Add(EvidenceItem.ForRecords(Id, Source(entry), entry.CapturedAt, records));
        }

        private SecurityTemplateInf? SecurityTemplate(CaptureEntry entry)
        {
            var request = _document.Request;
            var ids = new List<string>();
            if (request.UserRights.Count > 0)
            {
                ids.Add(BaselineEvidenceIds.UserRights);
            }

            if (request.AccountPolicy)
            {
                ids.Add(BaselineEvidenceIds.UserModals0);
                ids.Add(BaselineEvidenceIds.UserModals3);
            }

            if (!entry.Succeeded)
            {
                ids.ForEach(id => Error(entry, id, EvidenceKind.Properties));
                return null;
            }

            SecurityTemplateInf template;
            try
            {
                template = SecurityTemplateInf.Parse(CaptureJson.Base64(entry.Data!, "inf", entry.Path + ".data"));
            }
            catch (CaptureFormatException ex) when (ex.Location is null)
            {
                var error = new EvidenceError(EvidenceErrorCategory.Failed, "The secedit export could not be read: " + ex.Message);
                ids.ForEach(id => Error(entry, id, EvidenceKind.Properties, error));
                return null;
            }

            if (request.UserRights.Count > 0)
            {
                Add(EvidenceItem.ForRecords(BaselineEvidenceIds.UserRights, Source(entry) + " [Privilege Rights]", entry.CapturedAt, request.UserRights.Select(r => RightRecord(template, r))));
            }

            if (request.AccountPolicy)
            {
                AccountPolicy(entry, template);
            }

            return template;
        }

        /// <summary>
        /// One right: the SIDs (<c>*S-1-...</c> without the star) in the template's order. secedit lists only rights someone
        /// holds, so a right it does not name has no holder (as LSA's STATUS_NO_MORE_ENTRIES). A bare name is an account
        /// secedit could not map to a SID: it is kept as written in <c>Sids</c> and named again in <c>Unmapped</c>.
        /// </summary>
        private static EvidenceRecord RightRecord(SecurityTemplateInf template, string right)
        {
            var accounts = template.GetPrivilegeAccounts(right) ?? [];
            var sids = accounts.Select(a => a.Length > 0 && a[0] == '*' ? a.Substring(1) : a).ToList();
            var unmapped = accounts.Where(a => !(a.Length > 0 && a[0] == '*')).ToList();
            var properties = new List<KeyValuePair<string, EvidenceValue>>
            {
                new(P.Right, EvidenceValue.FromString(right)),
                new(P.Sids, EvidenceValue.FromMultiString(sids)),
            };
            if (unmapped.Count > 0)
            {
                properties.Add(new("Unmapped", EvidenceValue.FromMultiString(unmapped)));
            }

            return new EvidenceRecord(properties);
        }

        /// <summary>
        /// [System Access] in NetUserModalsGet's units: ages in days to seconds (MaximumPasswordAge -1, never, is
        /// TIMEQ_FOREVER), lockout times in minutes to seconds (LockoutDuration -1, until an administrator unlocks, is
        /// TIMEQ_FOREVER), ForceLogoffWhenHourExpire 1 to 0 (log off at once) and 0 to TIMEQ_FOREVER (never). A key the
        /// template does not have (secedit leaves out the lockout times while LockoutBadCount is 0) leaves its property out.
        /// </summary>
        private void AccountPolicy(CaptureEntry entry, SecurityTemplateInf template)
        {
            const string S = SecurityTemplateInf.SystemAccessSection;
            var source = Source(entry) + " [System Access]";
            try
            {
                var modals0 = Properties(
                    (P.MinPasswdLen, Count(template.GetInteger(S, "MinimumPasswordLength"))),
                    (P.MaxPasswdAge, Seconds(template.GetInteger(S, "MaximumPasswordAge"), 86400)),
                    (P.MinPasswdAge, Seconds(template.GetInteger(S, "MinimumPasswordAge"), 86400)),
                    (P.ForceLogoff, ForceLogoff(template.GetInteger(S, "ForceLogoffWhenHourExpire"))),
                    (P.PasswordHistLen, Count(template.GetInteger(S, "PasswordHistorySize"))));
                var modals3 = Properties(
                    (P.LockoutDuration, Seconds(template.GetInteger(S, "LockoutDuration"), 60)),
                    (P.LockoutObservationWindow, Seconds(template.GetInteger(S, "ResetLockoutCount"), 60)),
                    (P.LockoutThreshold, Count(template.GetInteger(S, "LockoutBadCount"))));
                Add(EvidenceItem.ForRecords(BaselineEvidenceIds.UserModals0, source, entry.CapturedAt, [modals0]));
                Add(EvidenceItem.ForRecords(BaselineEvidenceIds.UserModals3, source, entry.CapturedAt, [modals3]));

            }
            catch (CaptureFormatException ex) when (ex.Location is null)
            {
                var error = new EvidenceError(EvidenceErrorCategory.Failed, "[System Access] could not be read: " + ex.Message);
                Error(entry, BaselineEvidenceIds.UserModals0, EvidenceKind.Properties, error);
                Error(entry, BaselineEvidenceIds.UserModals3, EvidenceKind.Properties, error);
            }

            try
            {
                var undocumented = UndocumentedSystemAccess
                    .Select(name => (Name: name, Value: template.GetInteger(S, name)))
                    .Where(p => p.Value is not null)
                    .Select(p => new KeyValuePair<string, EvidenceValue>(p.Name, EvidenceValue.FromInt64(p.Value!.Value)))
                    .ToList();
                if (undocumented.Count > 0)
                {
                    Add(EvidenceItem.ForRecords(BaselineEvidenceIds.SecurityTemplateSystemAccess, source, entry.CapturedAt, [new EvidenceRecord(undocumented)]));
                }
            }
            catch (CaptureFormatException ex) when (ex.Location is null)
            {
                Error(entry, BaselineEvidenceIds.SecurityTemplateSystemAccess, EvidenceKind.Properties, new EvidenceError(EvidenceErrorCategory.Failed, "[System Access] could not be read: " + ex.Message));
            }

            static ulong? ForceLogoff(long? value) => value switch
            {
                null => null,
                0 => TimeqForever,
                1 => 0UL,
                _ => throw Unexpected("ForceLogoffWhenHourExpire", value.Value),
            };

            static ulong? Count(long? value) => value switch
            {
                null => null,
                >= 0 and <= uint.MaxValue => (ulong)value.Value,
                _ => throw Unexpected("a count", value.Value),
            };

            static ulong? Seconds(long? value, long unit) => value switch
            {
                null => null,
                -1 => TimeqForever,
                >= 0 when value.Value * unit < (long)TimeqForever => (ulong)(value.Value * unit),
                _ => throw Unexpected("a time", value.Value),
            };

            static CaptureFormatException Unexpected(string what, long value) =>
                new($"[System Access] has {value.ToString(CultureInfo.InvariantCulture)} for {what}, which NetUserModalsGet cannot hold.", location: null);

            static EvidenceRecord Properties(params (string Name, ulong? Value)[] values) =>
                new(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, EvidenceValue>(v.Name, EvidenceValue.FromUInt64(v.Value!.Value))));
        }

        /// <summary>
        /// RID 500 and 501 from Win32_UserAccount: the local account whose SID is the machine's account domain (S-1-5-21-...)
        /// plus the RID. Only UF_ACCOUNTDISABLE (0x2) of usri1_flags is known from <c>Disabled</c>: the other bits are 0 here.
        /// </summary>
        private void BuiltinAccounts(CaptureEntry entry)
        {
            const string Id = BaselineEvidenceIds.BuiltinAccounts;
            if (!entry.Succeeded)
            {
                Error(entry, Id, EvidenceKind.Properties);
                return;
            }

            var accounts = CaptureJson.Array(entry.Data!["accounts"], entry.Path + ".data.accounts");
            var parsed = new List<(string Sid, string Name, bool Disabled)>();
            for (var i = 0; i < accounts.Count; i++)
            {
                var path = $"{entry.Path}.data.accounts[{i}]";
                var account = CaptureJson.Object(accounts[i], path);
                parsed.Add((CaptureJson.String(account, "sid", path), CaptureJson.String(account, "name", path), CaptureJson.OptionalBoolean(account, "disabled", path) ?? throw CaptureJson.Fail(path + ".disabled", "true or false", account["disabled"])));
            }

            var records = new List<EvidenceRecord>();
            foreach (var rid in _document.Request.BuiltinRids.OrderBy(r => r))
            {
                var suffix = "-" + rid.ToString(CultureInfo.InvariantCulture);
                var ridValue = new KeyValuePair<string, EvidenceValue>(P.Rid, EvidenceValue.FromUInt64((ulong)rid));
                var match = parsed.Where(a => a.Sid.StartsWith("S-1-5-21-", StringComparison.OrdinalIgnoreCase) && a.Sid.EndsWith(suffix, StringComparison.Ordinal)).ToList();
                if (match.Count != 1)
                {
                    var why = match.Count == 0 ? $"Win32_UserAccount lists no local account with RID {rid}." : $"Win32_UserAccount lists {match.Count} local accounts with RID {rid}.";
                    records.Add(new EvidenceRecord([ridValue, new(P.Error, EvidenceValue.FromString(why))]));
                    continue;
                }

                var (sid, name, disabled) = match[0];
                records.Add(new EvidenceRecord(
                [
                    ridValue,
                    new(P.Sid, EvidenceValue.FromString(sid)),
                    new(P.Name, EvidenceValue.FromString(name)),
                    new(P.Flags, EvidenceValue.FromUInt64(disabled ? UfAccountDisable : 0)),
                ]));
            }

            Add(EvidenceItem.ForRecords(Id, Source(entry) + " (usri1_flags: only UF_ACCOUNTDISABLE is known)", entry.CapturedAt, records));
        }

        /// <summary>The instances of a CIM capture, each a case-insensitive map of property name to its CLR value.</summary>
        private static List<Dictionary<string, object?>> Instances(CaptureEntry entry, out List<JObject> raw)
        {
            var array = CaptureJson.Array(entry.Data!["instances"], entry.Path + ".data.instances");
            var list = new List<Dictionary<string, object?>>(array.Count);
            raw = [];
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"{entry.Path}.data.instances[{i}]";
                var instance = CaptureJson.Object(array[i], path);
                raw.Add(instance);
                list.Add(PropertyMap(instance, path));
            }

            return list;
        }

        private static Dictionary<string, object?> PropertyMap(JObject holder, string path)
        {
            var map = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            var properties = CaptureJson.Array(holder["properties"], path + ".properties");
            for (var j = 0; j < properties.Count; j++)
            {
                var p = $"{path}.properties[{j}]";
                var property = CaptureJson.Object(properties[j], p);
                map[CaptureJson.String(property, "name", p)] = ToClr(property["value"], p + ".value");
            }

            return map;
        }

        private static EvidenceRecord Record(IEnumerable<string> names, Dictionary<string, object?> instance) =>
            new(names.Where(instance.ContainsKey).Select(n => new KeyValuePair<string, EvidenceValue>(n, CimEvidence.ToEvidenceValue(instance[n]))));

        private void Cim(CaptureEntry entry)
        {
            var (id, properties, noInstance) = entry.Target switch
            {
                @"root\Microsoft\Windows\DeviceGuard:Win32_DeviceGuard" => (SecuredCoreEvidenceIds.DeviceGuard, SecuredCoreEvidenceIds.DeviceGuardProperties, "has no instance."),
                @"root\Microsoft\Windows\SMB:MSFT_SmbServerConfiguration" => (SecuredCoreEvidenceIds.SmbServerConfiguration, SecuredCoreEvidenceIds.SmbServerConfigurationProperties, "has no instance."),
                @"root\Microsoft\Windows\SMB:MSFT_SmbClientConfiguration" => (SecuredCoreEvidenceIds.SmbClientConfiguration, SecuredCoreEvidenceIds.SmbClientConfigurationProperties, "has no instance."),
                @"root\Microsoft\Windows\Defender:MSFT_MpComputerStatus" => (SecuredCoreEvidenceIds.DefenderStatus, SecuredCoreEvidenceIds.DefenderStatusProperties, "has no instance."),
                @"root\Microsoft\Windows\Defender:MSFT_MpPreference" => (DefenderEvidenceIds.Preference, DefenderEvidenceIds.PreferenceProperties, "has no instance."),
                @"root\MSCluster:MSCluster_Cluster" => (FailoverClusterEvidenceIds.Cluster, (IReadOnlyList<string>)[FailoverClusterEvidenceIds.NameProperty, FailoverClusterEvidenceIds.SecurityLevelProperty, FailoverClusterEvidenceIds.SecurityLevelForStorageProperty], "has no instance: the node is not in a failover cluster."),
                _ => (string.Empty, (IReadOnlyList<string>)[], string.Empty),
            };
            if (id.Length == 0)
            {
                return; // A class this version does not file.
            }

            if (!entry.Succeeded)
            {
                Error(entry, id, EvidenceKind.Properties);
                return;
            }

            var instances = Instances(entry, out _);
            if (instances.Count == 0)
            {
                Error(entry, id, EvidenceKind.Properties, new EvidenceError(EvidenceErrorCategory.NotFound, entry.Target.Replace(":", " ") + " " + noInstance));
                return;
            }

            Add(EvidenceItem.ForRecords(id, Source(entry), entry.CapturedAt, [Record(properties, instances[0])]));
        }

        private static readonly string[] _tpmProperties =
        [
            "IsActivated_InitialValue", "IsEnabled_InitialValue", "IsOwned_InitialValue", "SpecVersion", "ManufacturerVersion", "ManufacturerVersionInfo",
            "ManufacturerId", "ManufacturerIdTxt", "ManufacturerVersionFull20", "PhysicalPresenceVersionInfo",
        ];

        private static readonly (string Method, string Out)[] _tpmMethods =
            [("IsActivated", "IsActivated"), ("IsEnabled", "IsEnabled"), ("IsOwned", "IsOwned"), ("IsReady", "IsReady"), ("IsReadyInformation", "Information")];

        private void Tpm(CaptureEntry entry)
        {
            const string Id = TpmEvidenceIds.Win32Tpm;
            if (!entry.Succeeded)
            {
                Error(entry, Id, EvidenceKind.Properties, ToEvidenceError(entry.Error!, missingClassIsNotSupported: true));
                return;
            }

            var instances = Instances(entry, out var raw);
            if (instances.Count == 0)
            {
                Error(entry, Id, EvidenceKind.Properties, new EvidenceError(EvidenceErrorCategory.NotFound, "Windows sees no TPM (no Win32_Tpm instance)"));
                return;
            }

            var properties = Record(_tpmProperties, instances[0]).Properties.ToList();
            var calls = Calls(raw[0], entry.Path + ".data.instances[0]");
            foreach (var (method, outName) in _tpmMethods)
            {
                properties.Add(TpmAnswer(method, calls.FirstOrDefault(c => c.Method == method).Outcome, outName));
            }

            Add(EvidenceItem.ForRecords(Id, Source(entry), entry.CapturedAt, [new EvidenceRecord(properties)]));
        }

        /// <summary>As the native TPM reader files a method's answer: the out value, or <c>&lt;Method&gt;Error</c> with why.</summary>
        private static KeyValuePair<string, EvidenceValue> TpmAnswer(string method, CimMethodOutcome? outcome, string outName)
        {
            KeyValuePair<string, EvidenceValue> Fail(string text) => new(method + "Error", EvidenceValue.FromString(text));
            if (outcome is null)
            {
                return Fail("the capture did not call it");
            }

            if (outcome.Failure is not null)
            {
                return Fail(outcome.Failure);
            }

            if (outcome.ReturnValue is not uint code)
            {
                return Fail("the return value was " + (outcome.ReturnValue?.GetType().Name ?? "null") + ", not a uint32");
            }

            if (code != 0)
            {
                return Fail("0x" + code.ToString("X8", CultureInfo.InvariantCulture));
            }

            outcome.Outs.TryGetValue(outName, out var value);
            if (method == "IsReadyInformation")
            {
                return value is uint information ? new(method, EvidenceValue.FromUInt64(information)) : Fail("the Information out parameter was " + (value?.GetType().Name ?? "null") + ", not a uint32");
            }

            return value is bool answer ? new(method, EvidenceValue.FromBoolean(answer)) : Fail("the " + method + " out parameter was " + (value?.GetType().Name ?? "null") + ", not a boolean");
        }

        /// <summary>The method calls the script made on one instance, each as the outcome the native readers work from.</summary>
        private static List<(string Method, string Key, CimMethodOutcome Outcome)> Calls(JObject instance, string path)
        {
            var list = new List<(string, string, CimMethodOutcome)>();
            var calls = CaptureJson.Array(instance["calls"], path + ".calls");
            for (var i = 0; i < calls.Count; i++)
            {
                var p = $"{path}.calls[{i}]";
                var call = CaptureJson.Object(calls[i], p);
                var method = CaptureJson.String(call, "method", p);
                var key = CaptureJson.OptionalString(call, "key", p) ?? string.Empty;
                if (call["error"] is JObject error)
                {
                    var e = new CaptureEntryError(CaptureJson.String(error, "message", p + ".error"), CaptureJson.String(error, "type", p + ".error"), CaptureJson.OptionalString(error, "code", p + ".error"), null);
                    var text = e.Code is { } code && !code.StartsWith("0x", StringComparison.Ordinal) ? $"{code}: {e.Message}" : e.Message;
                    list.Add((method, key, CimMethodOutcome.Failed(text)));
                    continue;
                }

                var outs = PropertyMap(CaptureJson.Object(call["result"], p + ".result"), p + ".result");
                outs.TryGetValue("ReturnValue", out var returnValue);
                outs.Remove("ReturnValue");
                list.Add((method, key, CimMethodOutcome.Completed(returnValue, outs)));
            }

            return list;
        }

        private void BitLocker(CaptureEntry entry)
        {
            const string Id = BitLockerEvidenceIds.EncryptableVolumes;
            if (!entry.Succeeded)
            {
                Error(entry, Id, EvidenceKind.Properties);
                return;
            }

            var instances = Instances(entry, out var raw);
            var records = new List<EvidenceRecord>(instances.Count);
            for (var i = 0; i < instances.Count; i++)
            {
                var instance = instances[i];
                var calls = Calls(raw[i], $"{entry.Path}.data.instances[{i}]");
                records.Add(BitLockerVolumeRecorder.Record(
                    name => instance.TryGetValue(name, out var value) ? (true, value) : (false, null),
                    (method, arguments) =>
                    {
                        var key = method == "GetKeyProtectorType" ? arguments.FirstOrDefault(a => a.Key == "VolumeKeyProtectorID").Value as string ?? string.Empty : string.Empty;
                        var call = calls.FirstOrDefault(c => c.Method == method && c.Key == key);
                        return call.Outcome ?? CimMethodOutcome.Failed("the capture did not call it");
                    }));
            }

            Add(EvidenceItem.ForRecords(Id, Source(entry), entry.CapturedAt, records));
        }

        private void SecureBootVariable(CaptureEntry entry)
        {
            if (EfiVariableNames.VendorOf(entry.Target) is not { } vendor)
            {
                return; // A name this version does not file.
            }

            var dataId = SecureBootEvidenceIds.Variable(entry.Target, vendor);
            var attributesId = SecureBootEvidenceIds.VariableAttributes(entry.Target, vendor);
            if (!entry.Succeeded)
            {
                var error = SecureBootError(entry.Error!);
                Error(entry, dataId, EvidenceKind.Blob, error);
                Error(entry, attributesId, EvidenceKind.Properties, error);
                return;
            }

            Add(EvidenceItem.ForBlob(dataId, Source(entry), entry.CapturedAt, CaptureJson.Base64(entry.Data!, "bytes", entry.Path + ".data")));
            Error(entry, attributesId, EvidenceKind.Properties, new EvidenceError(EvidenceErrorCategory.NotSupported, "Get-SecureBootUEFI does not give a variable's attributes; " + NotReadableInBox + " (GetFirmwareEnvironmentVariableExW)."));
        }

        private void Blob(CaptureEntry entry, string id)
        {
            if (!entry.Succeeded)
            {
                Error(entry, id, EvidenceKind.Blob);
                return;
            }

            Add(EvidenceItem.ForBlob(id, Source(entry), entry.CapturedAt, CaptureJson.Base64(entry.Data!, "bytes", entry.Path + ".data")));
        }

        private void PolicyFile(CaptureEntry entry)
        {
            var id = entry.Target switch
            {
                @"CodeIntegrity\SiPolicy.p7b" => AppControlEvidenceIds.SiPolicyFile,
                @"CodeIntegrity\driversipolicy.p7b" => AppControlEvidenceIds.DriverPolicyFile,
                _ => null,
            };
            if (id is not null)
            {
                Blob(entry, id);
            }
        }

        private void Events(CaptureEntry entry)
        {
            var codeIntegrity = entry.Target == "codeIntegrity";
            if (!codeIntegrity && entry.Target != "servicing")
            {
                return;
            }

            var textId = codeIntegrity ? AppControlEvidenceIds.CodeIntegrityEvents : SecureBootEvidenceIds.ServicingEvents;
            if (!entry.Succeeded)
            {
                Error(entry, textId, EvidenceKind.Text);
                if (codeIntegrity)
                {
                    Error(entry, AppControlEvidenceIds.CodeIntegrityEventQuery, EvidenceKind.Properties);
                }

                return;
            }

            var xml = CaptureJson.Strings(entry.Data!, "xml", entry.Path + ".data");
            Add(EvidenceItem.ForText(textId, Source(entry), entry.CapturedAt, string.Concat(xml.Select(x => x + "\n"))));
            if (codeIntegrity)
            {
                var since = CaptureJson.Time(entry.Data!, "since", entry.Path + ".data");
                var days = (ulong)Math.Max(0, Math.Ceiling((entry.CapturedAt - since).TotalDays));
                Add(EvidenceItem.ForRecords(AppControlEvidenceIds.CodeIntegrityEventQuery, Source(entry), entry.CapturedAt,
                [
                    new EvidenceRecord(
                    [
                        new("Query", EvidenceValue.FromString(entry.Command)),
                        new("Days", EvidenceValue.FromUInt64(days)),
                        new("MaxRecords", EvidenceValue.FromUInt64((ulong)_document.Request.MaxEvents)),
                        new("Count", EvidenceValue.FromUInt64((ulong)xml.Count)),
                        new("Truncated", EvidenceValue.FromBoolean(CaptureJson.OptionalBoolean(entry.Data!, "truncated", entry.Path + ".data") ?? false)),
                    ]),
                ]));
            }
        }

        private void CiTool(CaptureEntry entry)
        {
            if (!entry.Succeeded)
            {
                Error(entry, AppControlEvidenceIds.CiToolPolicies, EvidenceKind.Text);
                Error(entry, AppControlEvidenceIds.CiToolRun, EvidenceKind.Properties);
                return;
            }

            var data = entry.Data!;
            var path = entry.Path + ".data";
            var stdout = CaptureJson.String(data, "stdout", path);
            var arguments = CaptureJson.Strings(data, "arguments", path);
            var format = CiToolPolicyListParserFormat(stdout);
            var properties = new List<KeyValuePair<string, EvidenceValue>>
            {
                new("Path", EvidenceValue.FromString("CiTool.exe")),
                new("Arguments", EvidenceValue.FromMultiString(arguments)),
                new(AppControlEvidenceIds.FormatProperty, EvidenceValue.FromString(format)),
                new(AppControlEvidenceIds.ExitCodeProperty, EvidenceValue.FromInt64(CaptureJson.Integer(data, "exitCode", path))),
                new("StandardError", EvidenceValue.FromString(string.Empty)),
                new("Encoding", EvidenceValue.FromString(CaptureJson.OptionalString(data, "encoding", path) ?? string.Empty)),
                new("TimedOut", EvidenceValue.FromBoolean(false)),
            };
            if (data["jsonExitCode"] is { Type: JTokenType.Integer })
            {
                properties.Add(new("JsonExitCode", EvidenceValue.FromInt64(CaptureJson.Integer(data, "jsonExitCode", path))));
            }

            var source = Source("CiTool.exe " + string.Join(" ", arguments));
            Add(EvidenceItem.ForText(AppControlEvidenceIds.CiToolPolicies, source, entry.CapturedAt, stdout));
            Add(EvidenceItem.ForRecords(AppControlEvidenceIds.CiToolRun, source, entry.CapturedAt, [new EvidenceRecord(properties)]));
        }

        private static string CiToolPolicyListParserFormat(string stdout) =>
            AppControl.Live.CiToolPolicyListParser.DetectFormat(stdout) == AppControl.Live.CiToolOutputFormat.Json ? AppControlEvidenceIds.JsonFormat : AppControlEvidenceIds.TextFormat;

        private void CiPolicies(CaptureEntry entry)
        {
            const string Id = AppControlEvidenceIds.ActivePoliciesFolder;
            if (!entry.Succeeded)
            {
                Error(entry, Id, EvidenceKind.Properties);
                return;
            }

            var files = CaptureJson.Array(entry.Data!["files"], entry.Path + ".data.files");
            var records = new List<EvidenceRecord>();
            var blobs = new List<EvidenceItem>();
            for (var i = 0; i < Math.Min(files.Count, AppControlEvidenceIds.MaxPolicyFiles); i++)
            {
                var path = $"{entry.Path}.data.files[{i}]";
                var file = CaptureJson.Object(files[i], path);
                var name = CaptureJson.String(file, "name", path);
                if (name.Length == 0 || name.IndexOfAny(['\\', '/']) >= 0)
                {
                    throw new CaptureFormatException($"'{name}' is not a file name.", path + ".name");
                }

                var lengthText = CaptureJson.String(file, "length", path);
                if (!ulong.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                {
                    throw new CaptureFormatException($"'{lengthText}' is not a file length.", path + ".length");
                }

                records.Add(new EvidenceRecord(
                [
                    new("Name", EvidenceValue.FromString(name)),
                    new("Length", EvidenceValue.FromUInt64(length)),
                    new("LastWriteTime", EvidenceValue.FromDateTime(CaptureJson.Time(file, "lastWriteTime", path).UtcDateTime)),
                ]));
                var id = AppControlEvidenceIds.ActivePolicyFile(name);
                var source = Source("file " + CaptureJson.OptionalString(entry.Data!, "path", entry.Path + ".data") + "\\" + name);
                if (file["error"] is JObject error)
                {
                    var e = new CaptureEntryError(CaptureJson.String(error, "message", path + ".error"), CaptureJson.String(error, "type", path + ".error"), CaptureJson.OptionalString(error, "code", path + ".error"), CaptureJson.OptionalString(error, "category", path + ".error"));
                    blobs.Add(EvidenceItem.ForError(id, EvidenceKind.Blob, source, entry.CapturedAt, ToEvidenceError(e)));
                }
                else
                {
                    blobs.Add(EvidenceItem.ForBlob(id, source, entry.CapturedAt, CaptureJson.Base64(file, "bytes", path)));
                }
            }

            Add(EvidenceItem.ForRecords(Id, Source(entry), entry.CapturedAt, records));
            blobs.ForEach(Add);
        }

        /// <summary>The facts only the native collectors reach, each NotSupported with the API that reaches it.</summary>
        private void NotReadable()
        {
            var facts = new (string Id, string Api)[]
            {
                (BaselineEvidenceIds.CodeIntegrity, "NtQuerySystemInformation(SystemCodeIntegrityInformation)"),
                (BaselineEvidenceIds.IsolatedUserMode, "NtQuerySystemInformation(SystemIsolatedUserModeInformation)"),
                (BaselineEvidenceIds.DmaGuard, "NtQuerySystemInformation(SystemDmaGuardPolicyInformation)"),
                (BaselineEvidenceIds.TpmDeviceInfo, "Tbsi_GetDeviceInfo"),
                (TpmEvidenceIds.Transport, "TBS (raw TPM 2.0 commands)"),
                (EvidenceIds.WindowsFirmwareType, "GetFirmwareType"),
                (EvidenceIds.WindowsJoinInformation, "NetGetJoinInformation"),
                (BitLockerEvidenceIds.VolumeMountPoints, "Win32_Volume with Win32_MountPoint (not read by capture script version 1)"),
                (BitLockerEvidenceIds.ClusterSharedVolumes, "MSCluster_ClusterSharedVolume with its owner node (not read by capture script version 1)"),
            };
            foreach (var (id, api) in facts)
            {
                if (!_ids.Contains(id))
                {
                    Add(EvidenceItem.ForError(id, EvidenceKind.Properties, Source("none"), Now, new EvidenceError(EvidenceErrorCategory.NotSupported, $"{api}: {NotReadableInBox}.")));
                }
            }
        }
    }
}
