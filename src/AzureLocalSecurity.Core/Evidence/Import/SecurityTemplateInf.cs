using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace AzureLocalSecurity.Evidence.Import;

/// <summary>
/// A security template, as <c>secedit /export /cfg</c> writes it (UTF-16 LE with a byte order mark) and as a Group Policy
/// <c>GptTmpl.inf</c> holds it: <c>[Section]</c> headers and <c>key = value</c> lines (<c>[System Access]</c>,
/// <c>[Event Audit]</c>, <c>[Registry Values]</c>, <c>[Privilege Rights]</c>, <c>[Version]</c>, ...). Lines starting with
/// <c>;</c> are comments. Sections and keys are compared without case, as Windows does; the first of a repeated key is kept
/// and a repeat is an error, since a template that says two things is not one to trust.
/// </summary>
public sealed class SecurityTemplateInf
{
    /// <summary>The largest input read: a full export is about 20 KB.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The most entries read.</summary>
    public const int MaxEntries = 100_000;

    /// <summary>The section of account policy (password and lockout).</summary>
    public const string SystemAccessSection = "System Access";

    /// <summary>The section of user rights assignments.</summary>
    public const string PrivilegeRightsSection = "Privilege Rights";

    /// <summary>The section of security option registry values.</summary>
    public const string RegistryValuesSection = "Registry Values";

    private readonly Dictionary<string, List<SecurityTemplateEntry>> _sections;
    private readonly string[] _sectionNames;

    private SecurityTemplateInf(Dictionary<string, List<SecurityTemplateEntry>> sections, string[] names)
    {
        _sections = sections;
        _sectionNames = names;
    }

    /// <summary>The section names in file order, as written.</summary>
    public IReadOnlyList<string> SectionNames => _sectionNames;

    /// <summary>Reads the file's bytes (UTF-16 LE or BE with a byte order mark, UTF-16 LE without one, or UTF-8).</summary>
    /// <exception cref="CaptureFormatException">The bytes are not a security template; the message names the line.</exception>
    public static SecurityTemplateInf Parse(byte[] bytes) => Parse(ImportText.Decode(bytes, MaxBytes, "security template"));

    /// <summary>Reads the template text.</summary>
    /// <exception cref="CaptureFormatException">The text is not a security template; the message names the line.</exception>
    public static SecurityTemplateInf Parse(string text)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (text.Length > MaxBytes)
        {
            throw new CaptureFormatException($"The security template is {text.Length} characters; at most {MaxBytes} are read.", location: null);
        }

        var sections = new Dictionary<string, List<SecurityTemplateEntry>>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        List<SecurityTemplateEntry>? current = null;
        string? currentName = null;
        var count = 0;
        var lines = ImportText.Lines(text);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = i + 1;
            var content = lines[i].Trim();
            if (content.Length == 0 || content[0] == ';')
            {
                continue;
            }

            if (content[0] == '[')
            {
                if (content[content.Length - 1] != ']' || content.Length < 3)
                {
                    throw new CaptureFormatException($"'{Clip(content)}' opens a section header but does not close it with ']'.", null, line);
                }

                currentName = content.Substring(1, content.Length - 2).Trim();
                if (sections.ContainsKey(currentName))
                {
                    throw new CaptureFormatException($"Section [{currentName}] appears twice.", null, line);
                }

                current = [];
                sections.Add(currentName, current);
                names.Add(currentName);
                continue;
            }

            if (current is null || currentName is null)
            {
                throw new CaptureFormatException($"'{Clip(content)}' comes before any [section] header.", null, line);
            }

            var equals = content.IndexOf('=');
            if (equals <= 0)
            {
                throw new CaptureFormatException($"'{Clip(content)}' in [{currentName}] is not a 'key = value' line.", null, line);
            }

            var key = content.Substring(0, equals).Trim();
            if (current.Any(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CaptureFormatException($"Key '{Clip(key)}' appears twice in [{currentName}].", null, line);
            }

            if (++count > MaxEntries)
            {
                throw new CaptureFormatException($"The security template has more than {MaxEntries} entries.", null, line);
            }

            current.Add(new SecurityTemplateEntry(currentName, key, content.Substring(equals + 1).Trim(), line));
        }

        if (names.Count == 0)
        {
            throw new CaptureFormatException("The text has no [section] header: it is not a security template.", null, Math.Max(1, lines.Count));
        }

        return new SecurityTemplateInf(sections, names.ToArray());
    }

    /// <summary>The entries of a section in file order (empty when the template has no such section).</summary>
    public IReadOnlyList<SecurityTemplateEntry> Section(string name) =>
        _sections.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var entries) ? entries : [];

    /// <summary>Whether the template has the section (even an empty one).</summary>
    public bool HasSection(string name) => _sections.ContainsKey(name ?? throw new ArgumentNullException(nameof(name)));

    /// <summary>The entry of a key in a section, or null.</summary>
    public SecurityTemplateEntry? Find(string section, string key) =>
        Section(section).FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// A whole-number value of a section (such as <c>[System Access] MaximumPasswordAge = 42</c>), or null when the key is not
    /// there. A value that is not a whole number fails with its line.
    /// </summary>
    /// <exception cref="CaptureFormatException">The value is not a whole number.</exception>
    public long? GetInteger(string section, string key)
    {
        var entry = Find(section, key);
        if (entry is null)
        {
            return null;
        }

        return long.TryParse(entry.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CaptureFormatException($"[{section}] {key} is '{Clip(entry.Value)}', not a whole number.", null, entry.LineNumber);
    }

    /// <summary>
    /// The accounts a <c>[Privilege Rights]</c> line assigns, in order, as written: <c>*S-1-5-32-544</c> is a SID; a bare
    /// name is an account secedit could not map to a SID. Null when the template does not name the right; empty when it
    /// assigns it to no one (<c>SeTcbPrivilege =</c>).
    /// </summary>
    public IReadOnlyList<string>? GetPrivilegeAccounts(string right)
    {
        var entry = Find(PrivilegeRightsSection, right);
        if (entry is null)
        {
            return null;
        }

        return entry.Value.Split(',').Select(a => a.Trim()).Where(a => a.Length > 0).ToArray();
    }

    private static string Clip(string text) => text.Length <= 80 ? text : text.Substring(0, 80) + "...";
}
