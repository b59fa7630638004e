using System;
using System.Collections.Generic;
using System.Globalization;

namespace AzureLocalSecurity.SecurityLogging;

/// <summary>
/// One value of the "Configure target Subscription Manager" policy (<see cref="Evidence.SecurityLoggingEvidenceIds.SubscriptionManagerKey"/>):
/// comma-separated <c>Name=Value</c> pairs, <c>Server=</c> the collector's WS-Management address (such as
/// <c>https://wec.contoso.com:5986/wsman/SubscriptionManager/WEC</c>), <c>Refresh=</c> seconds between checks for new
/// subscriptions, <c>IssuerCA=</c> the thumbprint of the certificate authority that issues the client certificate (HTTPS
/// with certificate authentication). Parsed without regard to case; an unknown name is kept, not refused.
/// </summary>
public sealed class SubscriptionManagerEntry
{
    /// <summary>The longest value read (a policy value of 16 Ki characters is not a subscription manager address).</summary>
    public const int MaxCharacters = 16 * 1024;

    /// <summary>The most pairs read.</summary>
    public const int MaxPairs = 64;

    private SubscriptionManagerEntry(string raw, string? server, Uri? serverUri, long? refresh, string? issuerCa, IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        Raw = raw;
        Server = server;
        ServerUri = serverUri;
        RefreshSeconds = refresh;
        IssuerCA = issuerCa;
        Pairs = pairs;
    }

    /// <summary>The value as written.</summary>
    public string Raw { get; }

    /// <summary>The <c>Server=</c> value, or null when there is none.</summary>
    public string? Server { get; }

    /// <summary>The server as an absolute URI, or null when it is missing or is not one.</summary>
    public Uri? ServerUri { get; }

    /// <summary>The <c>Refresh=</c> value in seconds, or null.</summary>
    public long? RefreshSeconds { get; }

    /// <summary>The <c>IssuerCA=</c> value, or null.</summary>
    public string? IssuerCA { get; }

    /// <summary>Every pair, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; }

    /// <summary>
    /// The transport: <c>https</c> or <c>http</c> as the server URI's scheme gives it; a server without a scheme is
    /// <c>http</c>, the WS-Management default; null when there is no server.
    /// </summary>
    public string? Scheme => ServerUri is { } u ? u.Scheme.ToLowerInvariant() : Server is null ? null : Server.IndexOf("://", StringComparison.Ordinal) < 0 ? "http" : null;

    /// <summary>Whether events go over HTTPS (TLS).</summary>
    public bool IsHttps => string.Equals(Scheme, "https", StringComparison.Ordinal);

    /// <summary>Reads one value; never throws for any string (an unreadable one has no <see cref="Server"/>).</summary>
    public static SubscriptionManagerEntry Parse(string value)
    {
        if (value is null)
        {
            throw new ArgumentNullException(nameof(value));
        }

        var text = value.Length > MaxCharacters ? value.Substring(0, MaxCharacters) : value;
        var pairs = new List<KeyValuePair<string, string>>();
        string? server = null;
        string? issuer = null;
        long? refresh = null;
        foreach (var part in text.Split(','))
        {
            if (pairs.Count >= MaxPairs)
            {
                break;
            }

            var eq = part.IndexOf('=');
            var name = (eq < 0 ? part : part.Substring(0, eq)).Trim();
            var data = eq < 0 ? string.Empty : part.Substring(eq + 1).Trim();
            if (name.Length == 0)
            {
                continue;
            }

            pairs.Add(new(name, data));
            if (string.Equals(name, "Server", StringComparison.OrdinalIgnoreCase) && server is null)
            {
                server = data;
            }
            else if (string.Equals(name, "Refresh", StringComparison.OrdinalIgnoreCase) && refresh is null
                && long.TryParse(data, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                refresh = seconds;
            }
            else if (string.Equals(name, "IssuerCA", StringComparison.OrdinalIgnoreCase) && issuer is null)
            {
                issuer = data;
            }
        }

        Uri? uri = null;
        if (server is { Length: > 0 } && Uri.TryCreate(server, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps))
        {
            uri = parsed;
        }

        return new SubscriptionManagerEntry(value, server is { Length: > 0 } ? server : null, uri, refresh, issuer is { Length: > 0 } ? issuer : null, pairs);
    }

    /// <inheritdoc />
    public override string ToString() => Raw;
}
