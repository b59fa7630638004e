using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AzureLocalSecurity.AppControl.Live;

namespace AzureLocalSecurity.AppControl.Changes;

/// <summary>One step of an App Control plan, as data: what it does, to which file or policy, and why.</summary>
public sealed class AppControlPlanStep
{
    private readonly byte[]? _content;

    internal AppControlPlanStep(AppControlStepKind kind, string reason, byte[]? content = null)
    {
        Kind = kind;
        Reason = reason;
        _content = content;
        if (content is not null)
        {
            Length = content.Length;
            Sha256 = Hex(content);
        }
    }

    /// <summary>What the step does.</summary>
    public AppControlStepKind Kind { get; }

    /// <summary>Why the plan has this step.</summary>
    public string Reason { get; }

    /// <summary>The file the step writes (SaveRollbackCopy, WritePolicyFile) or deploys (UpdatePolicy).</summary>
    public string? Path { get; internal set; }

    /// <summary>The policy the step is about.</summary>
    public Guid? PolicyId { get; internal set; }

    /// <summary>For UpdatePolicy and RemovePolicy, CiTool's arguments, one by one (never joined into a command line).</summary>
    public IReadOnlyList<string> Arguments { get; internal set; } = [];

    /// <summary>For VerifyMode and VerifyActive, the mode the policy must be in afterwards; null when not checked.</summary>
    public AppControlMode? ExpectedMode { get; internal set; }

    /// <summary>For VerifyActive, the version the policy must have afterwards; null when not checked.</summary>
    public Version? ExpectedVersion { get; internal set; }

    /// <summary>For a step that writes a file, how many bytes.</summary>
    public int? Length { get; }

    /// <summary>For a step that writes a file, the SHA-256 of the bytes (hex), so what is written can be compared with a file.</summary>
    public string? Sha256 { get; }

    /// <summary>The bytes a writing step writes.</summary>
    internal byte[]? Content => _content;

    /// <inheritdoc />
    public override string ToString()
    {
        var detail = Kind switch
        {
            AppControlStepKind.SaveRollbackCopy or AppControlStepKind.WritePolicyFile => $" '{Path}' ({Length?.ToString(CultureInfo.InvariantCulture)} bytes)",
            AppControlStepKind.UpdatePolicy or AppControlStepKind.RemovePolicy => " CiTool.exe " + string.Join(" ", Arguments),
            AppControlStepKind.VerifyMode => $" {PolicyId:B} {ExpectedMode}",
            AppControlStepKind.VerifyActive => $" {PolicyId:B}{(ExpectedVersion is null ? string.Empty : " " + ExpectedVersion)}{(ExpectedMode is null ? string.Empty : " " + ExpectedMode)}",
            AppControlStepKind.VerifyGone => $" {PolicyId:B}",
            _ => string.Empty,
        };
        return $"{Kind}{detail}: {Reason}";
    }

    private static string Hex(byte[] data)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(data);
        var text = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
