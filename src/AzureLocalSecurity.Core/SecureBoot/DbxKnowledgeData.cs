using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.SecureBoot;

/// <summary>dbx_info_msft_latest.json read into records and indexed by hash and thumbprint.</summary>
internal sealed class DbxKnowledgeData
{
    private readonly Dictionary<string, List<DbxImage>> _byHash = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DbxSvn> _svnByValue = new(StringComparer.Ordinal);

    private DbxKnowledgeData(List<string> architectures, List<DbxImage> images, List<DbxRevokedCertificate> certificates, List<DbxSvn> svns)
    {
        Architectures = architectures;
        Images = images;
        Certificates = certificates;
        Svns = svns;
        foreach (var image in images)
        {
            if (!_byHash.TryGetValue(image.AuthenticodeHash, out var list))
            {
                list = [];
                _byHash.Add(image.AuthenticodeHash, list);
            }

            list.Add(image);
        }

        foreach (var svn in svns)
        {
            _svnByValue[svn.Value] = svn;
        }
    }

    internal IReadOnlyList<string> Architectures { get; }

    internal IReadOnlyList<DbxImage> Images { get; }

    internal IReadOnlyList<DbxRevokedCertificate> Certificates { get; }

    internal IReadOnlyList<DbxSvn> Svns { get; }

    internal IReadOnlyList<DbxImage> FindImages(string hex) => _byHash.TryGetValue(hex, out var list) ? list : [];

    internal DbxSvn? FindSvn(string hex) => _svnByValue.TryGetValue(hex, out var svn) ? svn : null;

    /// <summary>Reads the file's structure: <c>images</c> (an object of architecture → array), <c>certificates</c>, <c>svns</c>.</summary>
    /// <exception cref="InvalidDataException">The JSON does not have that structure.</exception>
    internal static DbxKnowledgeData Parse(byte[] json)
    {
        JObject root;
        try
        {
            using var text = new StreamReader(new MemoryStream(json), new UTF8Encoding(false, true));
            using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, MaxDepth = 16 };
            root = JObject.Load(reader);
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            throw new InvalidDataException("The dbx knowledge file is not JSON: " + ex.Message, ex);
        }

        var architectures = new List<string>();
        var images = new List<DbxImage>();
        foreach (var architecture in Object(root, "images").Properties())
        {
            architectures.Add(architecture.Name);
            if (architecture.Value is not JArray array)
            {
                throw new InvalidDataException($"images.{architecture.Name} is not an array.");
            }

            foreach (var item in array)
            {
                images.Add(Image(architecture.Name, Entry(item, "images." + architecture.Name)));
            }
        }

        var certificates = new List<DbxRevokedCertificate>();
        foreach (var item in Array(root, "certificates"))
        {
            var o = Entry(item, "certificates");
            certificates.Add(new DbxRevokedCertificate(
                Text(o, "value"),
                WithoutCn(Text(o, "subjectName")),
                WithoutCn(Text(o, "issuerName")),
                Text(o, "thumbprint").ToUpperInvariant(),
                Text(o, "description"),
                Date(o, "dateOfAddition")));
        }

        var svns = new List<DbxSvn>();
        foreach (var item in Array(root, "svns"))
        {
            var o = Entry(item, "svns");
            var value = Text(o, "value").ToUpperInvariant();
            var bytes = SecureBootBytes.ParseHex(value);
            var svn = bytes is null ? null : WindowsSvnData.Decode(bytes, 0, bytes.Length, out _);
            if (svn is null)
            {
                throw new InvalidDataException($"svns: '{value}' is not a Windows SVN record.");
            }

            svns.Add(new DbxSvn(value, svn, Text(o, "version"), Text(o, "filename"), Text(o, "description"), Date(o, "dateOfLastChange")));
        }

        return new DbxKnowledgeData(architectures, images, certificates, svns);
    }

    private static DbxImage Image(string architecture, JObject o)
    {
        var hash = Text(o, "authenticodeHash").ToUpperInvariant();
        if (SecureBootBytes.ParseHex(hash) is null)
        {
            throw new InvalidDataException($"images.{architecture}: '{hash}' is not a hex hash.");
        }

        var flat = Text(o, "flatHash", required: false).ToUpperInvariant();
        var optional = o["isOptional"];
        return new DbxImage(
            architecture,
            hash,
            Text(o, "hashType"),
            flat.Length > 0 ? flat : null,
            Text(o, "filename"),
            Text(o, "description"),
            Text(o, "companyName"),
            Date(o, "dateOfAddition"),
            WithoutCn(Text(o, "signingAuthority")),
            optional is not null && string.Equals(optional.ToString(), "true", StringComparison.OrdinalIgnoreCase),
            o["note"]?.ToString());
    }

    private static JObject Object(JObject root, string name) =>
        root[name] as JObject ?? throw new InvalidDataException($"The dbx knowledge file has no '{name}' object.");

    private static JArray Array(JObject root, string name) =>
        root[name] as JArray ?? throw new InvalidDataException($"The dbx knowledge file has no '{name}' array.");

    private static JObject Entry(JToken item, string where) =>
        item as JObject ?? throw new InvalidDataException($"An entry of {where} is not an object.");

    /// <summary>A string field, trimmed (the file has stray spaces: "bootarm.efi ", " Ciscso Systems Inc.").</summary>
    private static string Text(JObject o, string name, bool required = true)
    {
        var token = o[name];
        if (token is null || token.Type == JTokenType.Null)
        {
            return required ? throw new InvalidDataException($"An entry has no '{name}'.") : string.Empty;
        }

        if (token.Type != JTokenType.String)
        {
            throw new InvalidDataException($"'{name}' is not a string.");
        }

        return ((string)token!)!.Trim();
    }

    private static DateTime? Date(JObject o, string name) =>
        DateTime.TryParseExact(Text(o, name, required: false), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string WithoutCn(string name) => name.StartsWith("CN = ", StringComparison.Ordinal) ? name.Substring(5) : name;
}
