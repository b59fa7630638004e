using System;
using System.Globalization;
using System.Linq;
using AzureLocalSecurity.Collection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>
/// Reads what a CiTool run that changes a policy (<c>--update-policy</c>, <c>--remove-policy</c>, with <c>--json</c>) says:
/// success is exit code 0 and, when it wrote JSON with an <c>OperationResult</c>, a result that is not negative (an HRESULT).
/// The failure message has the exit code in hex, the JSON's OperationResult and message, and standard error. CiTool's exact
/// exit codes and JSON shape for these commands are not documented; see docs/app-control-changes.md. Pure.
/// </summary>
internal static class CiToolChangeOutput
{
    /// <summary>The most characters of CiTool's output put in a message.</summary>
    private const int MaxQuoted = 1000;

    internal static bool Succeeded(ToolRun run, out string? message)
    {
        var (stdout, _) = ToolOutputText.Decode(run.StandardOutput);
        var (stderr, _) = ToolOutputText.Decode(run.StandardError);
        stdout = stdout.Trim();
        stderr = stderr.Trim();
        var (operationResult, jsonMessage) = ReadJson(stdout);
        if (run.TimedOut)
        {
            message = "CiTool did not finish in time and was stopped." + Tail(stdout, stderr, jsonMessage);
            return false;
        }

        if (run.ExitCode is not { } code)
        {
            message = "CiTool's exit code could not be read." + Tail(stdout, stderr, jsonMessage);
            return false;
        }

        if (code != 0 || operationResult is < 0)
        {
            var result = operationResult is { } r ? string.Format(CultureInfo.InvariantCulture, ", OperationResult 0x{0:X8}", unchecked((uint)r)) : string.Empty;
            message = string.Format(CultureInfo.InvariantCulture, "CiTool exited with 0x{0:X8}{1}{2}.", unchecked((uint)code), result, Known(operationResult ?? code)) + Tail(stdout, stderr, jsonMessage);
            return false;
        }

        message = stderr.Length > 0 ? "CiTool succeeded and wrote to standard error: " + Cut(stderr) : null;
        return true;
    }

    /// <summary>The HRESULTs an administrator meets most (winerror.h), in words.</summary>
    private static string Known(long code) => unchecked((uint)code) switch
    {
        0x80070005 => " (E_ACCESSDENIED: run PowerShell elevated)",
        0x80070002 => " (ERROR_FILE_NOT_FOUND)",
        0x80070057 => " (E_INVALIDARG)",
        _ => string.Empty,
    };

    private static string Tail(string stdout, string stderr, string? jsonMessage)
    {
        var parts = new[]
        {
            jsonMessage is null ? null : "CiTool said: " + Cut(jsonMessage),
            jsonMessage is null && stdout.Length > 0 ? "Output: " + Cut(stdout) : null,
            stderr.Length > 0 ? "Standard error: " + Cut(stderr) : null,
        };
        var text = string.Join(" ", parts.Where(p => p is not null));
        return text.Length == 0 ? string.Empty : " " + text;
    }

    /// <summary>OperationResult and the first message-like string of a JSON object, when the output is one.</summary>
    private static (long? OperationResult, string? Message) ReadJson(string text)
    {
        if (text.Length == 0 || text[0] != '{')
        {
            return (null, null);
        }

        try
        {
            using var reader = new JsonTextReader(new System.IO.StringReader(text)) { DateParseHandling = DateParseHandling.None, MaxDepth = 16 };
            var json = JObject.Load(reader);
            long? result = null;
            string? message = null;
            foreach (var property in json.Properties())
            {
                if (string.Equals(property.Name, "OperationResult", StringComparison.OrdinalIgnoreCase) && property.Value.Type == JTokenType.Integer)
                {
                    var value = property.Value.Value<long>();

                    // An HRESULT may be written as its unsigned value; as a signed 32-bit number a failure is negative.
                    result = value is > int.MaxValue and <= uint.MaxValue ? unchecked((int)(uint)value) : value;
                }
                else if (message is null && property.Value.Type == JTokenType.String && property.Name.IndexOf("message", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    message = property.Value.Value<string>();
                }
            }

            return (result, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Cut(string text) => text.Length <= MaxQuoted ? text : text.Substring(0, MaxQuoted) + "...";
}
