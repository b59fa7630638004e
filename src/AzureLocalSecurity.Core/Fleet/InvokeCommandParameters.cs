using System;
using System.Collections.Generic;
using System.Linq;

namespace AzureLocalSecurity.Fleet;

/// <summary>
/// The parameters of the Invoke-Command call that runs a script on the nodes, as data: the names Invoke-Command binds
/// and the values to bind, so which option reaches which parameter is tested without remoting. CredSSP is refused:
/// it hands the user's credentials to every node, and the assessment needs no second hop.
/// </summary>
public static class InvokeCommandParameters
{
    /// <summary>
    /// The parameters, in binding order. <paramref name="scriptBlock"/> is the ScriptBlock object (made by the caller,
    /// who has PowerShell); <paramref name="argumentList"/> goes to the script's param block. <paramref name="asJob"/>
    /// runs it as a remoting job (one child job per node, streamed), else it runs to its end and stops at the first error.
    /// Throws <see cref="ArgumentException"/> for CredSSP, for no node, and for sessions mixed with connection options.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, object>> Build(FleetConnection connection, object scriptBlock, IReadOnlyList<object?> argumentList, bool asJob)
    {
        if (connection is null)
        {
            throw new ArgumentNullException(nameof(connection));
        }

        if (scriptBlock is null)
        {
            throw new ArgumentNullException(nameof(scriptBlock));
        }

        RefuseCredSsp(connection.Authentication);
        if (connection.ThrottleLimit < 1)
        {
            throw new ArgumentException("The throttle limit must be at least 1.", nameof(connection));
        }

        var list = new List<KeyValuePair<string, object>>();
        if (connection.Sessions.Count > 0)
        {
            if (connection.ComputerNames.Count > 0 || connection.Credential is not null || connection.Port is not null || connection.UseSsl || !IsDefault(connection.Authentication))
            {
                throw new ArgumentException("Sessions carry their own connection: computer names, credential, authentication, port and SSL do not apply to them.", nameof(connection));
            }

            list.Add(Pair("Session", connection.Sessions.ToArray()));
        }
        else
        {
            if (connection.ComputerNames.Count == 0)
            {
                throw new ArgumentException("There is no node to connect to.", nameof(connection));
            }

            list.Add(Pair("ComputerName", connection.ComputerNames.ToArray()));
            if (connection.Credential is { } credential)
            {
                list.Add(Pair("Credential", credential));
            }

            if (!IsDefault(connection.Authentication))
            {
                list.Add(Pair("Authentication", connection.Authentication));
            }

            if (connection.Port is { } port)
            {
                list.Add(Pair("Port", port));
            }

            if (connection.UseSsl)
            {
                list.Add(Pair("UseSSL", true));
            }
        }

        list.Add(Pair("ThrottleLimit", connection.ThrottleLimit));
        list.Add(Pair("ScriptBlock", scriptBlock));
        list.Add(Pair("ArgumentList", argumentList.ToArray()));
        if (asJob)
        {
            list.Add(Pair("AsJob", true));
            list.Add(Pair("ErrorAction", "Continue"));
        }
        else
        {
            list.Add(Pair("ErrorAction", "Stop"));
        }

        return list;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <paramref name="authentication"/> is CredSSP.</summary>
    public static void RefuseCredSsp(string authentication)
    {
        if (string.Equals(authentication?.Trim(), "Credssp", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "CredSSP is not used: it delegates your credentials to every node, where they can be taken. The assessment needs no second hop; use Default (Kerberos in a domain) or Negotiate.",
                nameof(authentication));
        }
    }

    private static bool IsDefault(string authentication) => string.IsNullOrWhiteSpace(authentication) || string.Equals(authentication.Trim(), "Default", StringComparison.OrdinalIgnoreCase);

    private static KeyValuePair<string, object> Pair(string name, object value) => new(name, value);
}
