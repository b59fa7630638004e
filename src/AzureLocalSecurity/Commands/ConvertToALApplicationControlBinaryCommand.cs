using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.AppControl.Policy;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Compiles App Control for Business (WDAC) policy XML into a binary policy (.cip), on any operating system.</para>
/// </summary>
[Cmdlet(VerbsData.ConvertTo, "ALApplicationControlBinary", SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ConvertToALApplicationControlBinaryCommand : PSCmdlet
{
    private readonly HashSet<string> _written = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Policy XML files; wildcards are expanded. FullName and PSPath are taken from the pipeline.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("FullName", "PSPath")]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = [];

    /// <summary>The binary file to write, or an existing folder: {PolicyID}.cip is written into it (SiPolicy.p7b for the single-policy format).</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string Destination { get; set; } = string.Empty;

    /// <summary>Replaces an existing file.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            foreach (var resolved in EvidencePaths.Resolve(this, path, literal: false))
            {
                Convert(resolved, path);
            }
        }
    }

    private void Convert(string resolved, string given)
    {
        if (AppControlPolicyFiles.Read(this, resolved, given, validate: true) is not { } file)
        {
            return;
        }

        if (file.Format != SiPolicyFileFormat.Xml)
        {
            WriteError(new ErrorRecord(new InvalidDataException($"'{resolved}' is already a compiled policy, not policy XML."), ErrorIds.AppControlPolicyInvalid, ErrorCategory.InvalidData, given));
            return;
        }

        var issues = file.ValidationIssues ?? [];
        foreach (var warning in issues.Where(i => i.Severity == SiPolicyValidationSeverity.Warning))
        {
            WriteWarning($"{resolved}: {warning.Code} at {warning.Path}: {warning.Message}");
        }

        var errors = issues.Where(i => i.Severity == SiPolicyValidationSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            var listed = string.Join(Environment.NewLine, errors.Take(10).Select(e => $"  {e.Code} at {e.Path}: {e.Message}"));
            var more = errors.Count > 10 ? $"{Environment.NewLine}  ... and {errors.Count - 10} more" : string.Empty;
            WriteError(new ErrorRecord(
                new InvalidDataException($"'{resolved}' has {errors.Count} validation error(s), so it is not compiled:{Environment.NewLine}{listed}{more}"),
                ErrorIds.AppControlPolicyValidationFailed, ErrorCategory.InvalidData, given));
            return;
        }

        var target = Target(file.Policy);
        if ((File.Exists(target) && !Force) || _written.Contains(target))
        {
            WriteError(new ErrorRecord(
                new IOException(_written.Contains(target)
                    ? $"'{target}' was already written by this command from another policy; give a folder as -Destination for several policies."
                    : $"'{target}' exists; use -Force to replace it."),
                ErrorIds.AppControlBinaryExists, ErrorCategory.ResourceExists, target));
            return;
        }

        if (!ShouldProcess(target, $"Compile App Control policy '{file.Name ?? resolved}' ({file.FileRuleCount} file rules, {file.SignerCount} signers)"))
        {
            return;
        }

        byte[] binary;
        try
        {
            binary = SiPolicyBinaryWriter.Write(file.Policy);
        }
        catch (SiPolicyFormatException ex)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.AppControlPolicyNotCompilable, ErrorCategory.InvalidData, given));
            return;
        }

        try
        {
            File.WriteAllBytes(target, binary);
            _ = _written.Add(target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(new ErrorRecord(ex, ErrorIds.AppControlBinaryWriteFailed, ErrorCategory.WriteError, target));
            return;
        }

        WriteObject(new FileInfo(target));
    }

    /// <summary>The destination file, or {PolicyID}.cip in the destination folder (SiPolicy.p7b when the policy has no PolicyID).</summary>
    private string Target(SiPolicy policy)
    {
        var destination = GetUnresolvedProviderPathFromPSPath(Destination);
        if (!Directory.Exists(destination))
        {
            return destination;
        }

        var name = policy.PolicyId is null
            ? "SiPolicy.p7b"
            : "{" + Guid.Parse(policy.PolicyId).ToString("D").ToUpperInvariant() + "}.cip";
        return System.IO.Path.Combine(destination, name);
    }
}
