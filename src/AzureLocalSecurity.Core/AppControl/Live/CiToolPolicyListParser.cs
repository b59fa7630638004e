using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// Reads CiTool's policy listing in either form. The JSON form (<c>CiTool --list-policies --json</c>) is an object whose
/// <c>Policies</c> array holds one object per policy: Microsoft's CiTool reference uses <c>Policies</c>, <c>PolicyID</c>,
/// <c>FriendlyName</c> and <c>IsEnforced</c>; the other names read here (<c>BasePolicyID</c>, <c>Version</c>,
/// <c>VersionString</c>, <c>IsSystemPolicy</c>, <c>IsSignedPolicy</c>, <c>IsOnDisk</c>, <c>IsAuthorized</c>,
/// <c>PolicyOptions</c>, <c>Status</c> and the top-level <c>OperationResult</c>) are those public tools that read the JSON use,
/// not a Microsoft sample, so every name is matched without regard to case and a name the parser does not know is passed
/// over. The text form (<c>CiTool --list-policies</c>) is one <c>Key: Value</c> line per fact as Microsoft's reference shows
/// it, a policy starting at its <c>Policy ID</c> (or a <c>Policy:</c> line); lines that are not facts (a prompt, a banner) are
/// passed over. Pure and bounded: at most <see cref="MaxCharacters"/> characters, <see cref="MaxPolicies"/> policies and
/// <see cref="MaxDepth"/> levels of JSON; anything that is not a listing ends in <see cref="CiToolOutputException"/>.
/// </summary>
public static class CiToolPolicyListParser
{
    /// <summary>The most characters a listing may have (4 Mi; a listing of fifty policies is about 20 KiB).</summary>
    public const int MaxCharacters = 4 * 1024 * 1024;

    /// <summary>The most policies a listing may hold.</summary>
    public const int MaxPolicies = 1024;

    /// <summary>The deepest JSON nesting allowed: the listing's own is three (root, Policies, a policy's PolicyOptions).</summary>
    public const int MaxDepth = 8;

    private static readonly string[] TextKeys =
    [
        "Policy ID", "Base Policy ID", "Friendly Name", "Version", "Platform Policy", "Policy is Signed", "Has File on Disk",
        "Is Currently Enforced", "Is Authorized", "Status",
    ];

    /// <summary>Reads every policy of a listing, in the order listed.</summary>
    /// <exception cref="CiToolOutputException">The text is not a CiTool policy listing, or it is larger than the limits.</exception>
    public static IReadOnlyList<CiToolPolicy> Parse(string output)
    {
        if (output is null)
        {
            throw new ArgumentNullException(nameof(output));
        }

        if (output.Length > MaxCharacters)
        {
            throw new CiToolOutputException(string.Format(CultureInfo.InvariantCulture, "the text has {0} characters, more than the {1} allowed", output.Length, MaxCharacters), 0);
        }

        return DetectFormat(output) == CiToolOutputFormat.Json ? ParseJson(output) : ParseText(output);
    }

    /// <summary>JSON when the first character that is not white space (or a byte order mark) opens an object or an array; text otherwise.</summary>
    public static CiToolOutputFormat DetectFormat(string output)
    {
        foreach (var c in output ?? throw new ArgumentNullException(nameof(output)))
        {
            if (c == '\uFEFF' || char.IsWhiteSpace(c))
            {
                continue;
            }

            return c is '{' or '[' ? CiToolOutputFormat.Json : CiToolOutputFormat.Text;
        }

        return CiToolOutputFormat.Text;
    }

    private static List<CiToolPolicy> ParseJson(string output)
    {
        JToken root;
        using (var reader = new JsonTextReader(new StringReader(output.TrimStart('\uFEFF')))
        {
            MaxDepth = MaxDepth,
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        })
        {
            try
            {
                root = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            }
            catch (JsonException ex)
            {
                throw new CiToolOutputException("the JSON is not well formed: " + ex.Message, (ex as JsonReaderException)?.LineNumber ?? 0, ex);
            }

            bool more;
            try
            {
                more = reader.Read();
            }
            catch (JsonReaderException)
            {
                more = true;
            }

            if (more)
            {
                throw new CiToolOutputException("the JSON has data after its end", reader.LineNumber);
            }
        }

        if (root is not JObject top)
        {
            throw new CiToolOutputException("the JSON is not an object", Line(root));
        }

        var topFields = Fields(top);
        if (topFields.TryGetValue("OperationResult", out var result) && result.Type != JTokenType.Null)
        {
            var code = Integer(result, "OperationResult");
            if (code < 0)
            {
                // An HRESULT: negative is a failure (0x80070005 E_ACCESSDENIED when CiTool runs without elevation).
                throw new CiToolOutputException(string.Format(CultureInfo.InvariantCulture, "CiTool reported OperationResult 0x{0:X8}, a failure", unchecked((uint)code)), Line(result));
            }
        }

        if (!topFields.TryGetValue("Policies", out var list) || list is not JArray array)
        {
            throw new CiToolOutputException("the JSON has no Policies array", Line(top));
        }

        if (array.Count > MaxPolicies)
        {
            throw new CiToolOutputException(string.Format(CultureInfo.InvariantCulture, "more than {0} policies", MaxPolicies), Line(array));
        }

        var policies = new List<CiToolPolicy>(array.Count);
        foreach (var entry in array)
        {
            if (entry is not JObject item)
            {
                throw new CiToolOutputException("a Policies entry is not an object", Line(entry));
            }

            policies.Add(ReadJsonPolicy(item));
        }

        return policies;
    }

    private static CiToolPolicy ReadJsonPolicy(JObject item)
    {
        var fields = Fields(item);
        var policy = new CiToolPolicy { Format = CiToolOutputFormat.Json };
        policy.PolicyId = fields.TryGetValue("PolicyID", out var id) ? Guid(id, "PolicyID") ?? throw new CiToolOutputException("a policy has a null PolicyID", Line(id))
            : throw new CiToolOutputException("a policy has no PolicyID", Line(item));
        if (fields.TryGetValue("BasePolicyID", out var basePolicy))
        {
            policy.BasePolicyId = Guid(basePolicy, "BasePolicyID");
        }

        if (fields.TryGetValue("FriendlyName", out var name))
        {
            policy.FriendlyName = Text(name, "FriendlyName");
        }

        if (fields.TryGetValue("Version", out var version) && version.Type != JTokenType.Null)
        {
            policy.VersionRaw = Packed(version);
            policy.Version = CiToolPolicy.VersionFromPacked(policy.VersionRaw.Value);
        }
        else if (fields.TryGetValue("VersionString", out var versionText) && Text(versionText, "VersionString") is { } v)
        {
            policy.Version = System.Version.TryParse(v, out var parsed) ? parsed : throw new CiToolOutputException($"VersionString '{v}' is not a version", Line(versionText));
        }

        policy.IsPlatformPolicy = Flag(fields, "IsSystemPolicy");
        policy.IsSigned = Flag(fields, "IsSignedPolicy");
        policy.HasFileOnDisk = Flag(fields, "IsOnDisk");
        policy.IsEnforced = Flag(fields, "IsEnforced");
        policy.IsAuthorized = Flag(fields, "IsAuthorized");
        if (fields.TryGetValue("Status", out var status) && status.Type != JTokenType.Null)
        {
            policy.Status = Integer(status, "Status");
        }

        if (fields.TryGetValue("PolicyOptions", out var options))
        {
            policy.PolicyOptions = Options(options);
        }

        return policy;
    }

    /// <summary>An object's properties by name without regard to case; a name given twice (in any case) is refused.</summary>
    private static Dictionary<string, JToken> Fields(JObject obj)
    {
        var fields = new Dictionary<string, JToken>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in obj.Properties())
        {
            if (fields.ContainsKey(property.Name))
            {
                throw new CiToolOutputException($"'{property.Name}' appears twice in one object", Line(property));
            }

            fields.Add(property.Name, property.Value);
        }

        return fields;
    }

    private static Guid? Guid(JToken token, string name)
    {
        var text = Text(token, name);
        if (text is null)
        {
            return null;
        }

        return System.Guid.TryParse(text.Trim(), out var guid) ? guid : throw new CiToolOutputException($"{name} '{text}' is not a GUID", Line(token));
    }

    private static string? Text(JToken token, string name) => token.Type switch
    {
        JTokenType.Null => null,
        JTokenType.String => (string?)token,
        _ => throw new CiToolOutputException($"{name} is a JSON {token.Type}, not a string", Line(token)),
    };

    private static bool? Flag(Dictionary<string, JToken> fields, string name)
    {
        if (!fields.TryGetValue(name, out var token) || token.Type == JTokenType.Null)
        {
            return null;
        }

        return token.Type switch
        {
            JTokenType.Boolean => (bool)token,
            JTokenType.String => Bool((string)token!) ?? throw new CiToolOutputException($"{name} '{token}' is neither true nor false", Line(token)),
            _ => throw new CiToolOutputException($"{name} is a JSON {token.Type}, not a Boolean", Line(token)),
        };
    }

    private static long Integer(JToken token, string name)
    {
        if (token.Type == JTokenType.Integer && long.TryParse(Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new CiToolOutputException($"{name} is not a whole number of 64 bits", Line(token));
    }

    /// <summary>The packed version: a JSON integer (read through its text, so one above Int64 is not lost) or a string of digits.</summary>
    private static ulong Packed(JToken token)
    {
        var text = token.Type switch
        {
            JTokenType.Integer => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture),
            JTokenType.String => (string?)token,
            _ => null,
        };
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CiToolOutputException("Version is not an unsigned number of 64 bits", Line(token));
    }

    private static List<string>? Options(JToken token)
    {
        switch (token.Type)
        {
            case JTokenType.Null:
                return null;
            case JTokenType.String:
                return [(string)token!];
            case JTokenType.Array:
                var options = new List<string>();
                foreach (var option in token.Children())
                {
                    options.Add(Text(option, "a PolicyOptions entry") ?? throw new CiToolOutputException("a PolicyOptions entry is null", Line(option)));
                }

                return options;
            default:
                throw new CiToolOutputException($"PolicyOptions is a JSON {token.Type}, not a list of strings", Line(token));
        }
    }

    private static int Line(JToken token) => token is IJsonLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

    private static List<CiToolPolicy> ParseText(string output)
    {
        var policies = new List<CiToolPolicy>();
        var lines = output.Split('\n');
        CiToolPolicy? current = null;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var currentLine = 0;
        var facts = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0)
            {
                continue;
            }

            if (string.Equals(line, "Policy:", StringComparison.OrdinalIgnoreCase))
            {
                Finish();
                current = Start(number);
                continue;
            }

            var colon = line.IndexOf(':');
            var key = colon > 0 ? Known(line.Substring(0, colon)) : null;
            if (key is null || (colon + 1 < line.Length && line[colon + 1] != ' '))
            {
                // A prompt, a banner, or a fact this parser does not know: passed over.
                continue;
            }

            var value = line.Substring(colon + 1).Trim();
            if (key == "Policy ID" && current is not null && seen.Contains(key))
            {
                Finish();
                current = null;
            }

            current ??= Start(number);
            if (!seen.Add(key))
            {
                throw new CiToolOutputException($"'{key}' appears twice in one policy", number);
            }

            facts++;
            Apply(current, key, value, number);
        }

        Finish();
        if (facts == 0)
        {
            // Empty output is not "no policy": a tool that writes only to a console writes nothing to a pipe.
            throw new CiToolOutputException(string.IsNullOrWhiteSpace(output.Replace("\uFEFF", string.Empty))
                ? "the output is empty"
                : "the text holds no policy listing (no 'Policy ID:' line or other CiTool fact)", 0);
        }

        return policies;

        CiToolPolicy Start(int number)
        {
            seen.Clear();
            currentLine = number;
            return new CiToolPolicy { Format = CiToolOutputFormat.Text };
        }

        void Finish()
        {
            if (current is null)
            {
                return;
            }

            if (!seen.Contains("Policy ID"))
            {
                throw new CiToolOutputException("a policy has no Policy ID", currentLine);
            }

            if (policies.Count == MaxPolicies)
            {
                throw new CiToolOutputException(string.Format(CultureInfo.InvariantCulture, "more than {0} policies", MaxPolicies), currentLine);
            }

            policies.Add(current);
            current = null;
        }
    }

    /// <summary>The text form's key as listed in <see cref="TextKeys"/>, matched without regard to case or repeated spaces; null for any other.</summary>
    private static string? Known(string key)
    {
        var normalized = string.Join(" ", key.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return TextKeys.FirstOrDefault(k => string.Equals(k, normalized, StringComparison.OrdinalIgnoreCase));
    }

    private static void Apply(CiToolPolicy policy, string key, string value, int line)
    {
        switch (key)
        {
            case "Policy ID":
                policy.PolicyId = System.Guid.TryParse(value, out var id) ? id : throw new CiToolOutputException($"Policy ID '{value}' is not a GUID", line);
                break;
            case "Base Policy ID":
                policy.BasePolicyId = System.Guid.TryParse(value, out var baseId) ? baseId : throw new CiToolOutputException($"Base Policy ID '{value}' is not a GUID", line);
                break;
            case "Friendly Name":
                policy.FriendlyName = value;
                break;
            case "Version":
                policy.VersionRaw = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var packed) ? packed : throw new CiToolOutputException($"Version '{value}' is not an unsigned number of 64 bits", line);
                policy.Version = CiToolPolicy.VersionFromPacked(packed);
                break;
            case "Status":
                policy.Status = Number(value) ?? throw new CiToolOutputException($"Status '{value}' is not a number", line);
                break;
            default:
                var flag = Bool(value) ?? throw new CiToolOutputException($"{key} '{value}' is neither true nor false", line);
                switch (key)
                {
                    case "Platform Policy":
                        policy.IsPlatformPolicy = flag;
                        break;
                    case "Policy is Signed":
                        policy.IsSigned = flag;
                        break;
                    case "Has File on Disk":
                        policy.HasFileOnDisk = flag;
                        break;
                    case "Is Currently Enforced":
                        policy.IsEnforced = flag;
                        break;
                    default:
                        policy.IsAuthorized = flag;
                        break;
                }

                break;
        }
    }

    private static bool? Bool(string text) =>
        string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase) ? true
        : string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase) ? false
        : null;

    /// <summary>A decimal number, or <c>0x</c> and hexadecimal digits (an NTSTATUS is often printed so).</summary>
    private static long? Number(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return uint.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
