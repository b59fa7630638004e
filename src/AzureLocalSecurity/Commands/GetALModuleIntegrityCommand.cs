using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Collection;
using AzureLocalSecurity.Integrity;

namespace AzureLocalSecurity.Commands;

/// <summary>
/// <para type="synopsis">Verifies that an installed AzureLocalSecurity module is the one that was packaged: every file against the signed SBOM's hashes, nothing missing or added.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "ALModuleIntegrity")]
[OutputType(typeof(ModuleIntegrityReport))]
public sealed class GetALModuleIntegrityCommand : PSCmdlet
{
    private static readonly string[] AuthenticodeExtensions = [".dll", ".psd1", ".psm1", ".ps1", ".ps1xml", ".cat"];

    /// <summary>Module folders to check (the folder holding the manifest, or a module's folder holding version folders). By default the folder this module was loaded from.</summary>
    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
    [Alias("ModuleBase")]
    [ValidateNotNullOrEmpty]
    public string[]? Path { get; set; }

    /// <summary>The publisher's code-signing certificate(s), by SHA-1 or SHA-256 thumbprint. When given, only an SBOM signed by one of them is trusted; otherwise the signer must chain to a root this machine trusts.</summary>
    [Parameter]
    [ValidatePattern("^[0-9A-Fa-f ]{40,95}$")]
    public string[]? SignerThumbprint { get; set; }

    /// <inheritdoc />
    protected override void ProcessRecord()
    {
        var paths = Path ?? [MyInvocation.MyCommand.Module?.ModuleBase ?? SessionState.Path.CurrentFileSystemLocation.ProviderPath];
        foreach (var given in paths)
        {
            var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(given);
            if (!Directory.Exists(folder))
            {
                WriteError(new ErrorRecord(new DirectoryNotFoundException($"The module folder '{folder}' does not exist."), ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, given));
                continue;
            }

            foreach (var moduleBase in ModuleFolders(folder))
            {
                ModuleFolderFacts facts;
                try
                {
                    facts = ModuleFileCollector.Collect(moduleBase);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    WriteError(new ErrorRecord(e, ErrorIds.ModuleIntegrityUnreadable, ErrorCategory.ReadError, moduleBase));
                    continue;
                }

                ReadAuthenticode(facts);
                var report = ModuleIntegrityAnalyzer.Analyze(facts, SignerThumbprint ?? [], checkChain: true);
                WriteVerbose($"{report.ModuleBase}: {report.Status}. {string.Join(" ", report.Reasons)}");
                WriteObject(report);
            }
        }
    }

    // A folder with a manifest is a module folder; one without (Modules\AzureLocalSecurity) holds version folders.
    private static List<string> ModuleFolders(string folder)
    {
        if (Directory.EnumerateFiles(folder, "*.psd1").Any())
        {
            return [folder];
        }

        var versions = Directory.EnumerateDirectories(folder).Where(d => Directory.EnumerateFiles(d, "*.psd1").Any()).OrderBy(d => d, StringComparer.Ordinal).ToList();
        return versions.Count > 0 ? versions : [folder];
    }

    // Windows' own verdict per signed file, where Get-AuthenticodeSignature exists (Windows PowerShell 5.1 and PowerShell 7 on
    // Windows). Elsewhere the files keep no Authenticode status and the SBOM alone decides.
    private void ReadAuthenticode(ModuleFolderFacts facts)
    {
        if (InvokeCommand.GetCommand("Get-AuthenticodeSignature", CommandTypes.Cmdlet | CommandTypes.Function) is null)
        {
            WriteVerbose("Get-AuthenticodeSignature is not available here: the files' Authenticode signatures were not checked.");
            return;
        }

        var script = ScriptBlock.Create("param($p) Get-AuthenticodeSignature -LiteralPath $p");
        foreach (var file in facts.Files.Where(f => f.Sha256 is not null && AuthenticodeExtensions.Contains(System.IO.Path.GetExtension(f.Path), StringComparer.OrdinalIgnoreCase)))
        {
            var full = System.IO.Path.Combine(facts.ModuleBase, file.Path.Replace('/', System.IO.Path.DirectorySeparatorChar));
            try
            {
                var result = InvokeCommand.InvokeScript(false, script, null, full).FirstOrDefault();
                file.Authenticode = result?.Properties["Status"]?.Value?.ToString();
            }
            catch (RuntimeException e)
            {
                file.Authenticode = "Unknown: " + e.Message;
            }
        }
    }
}
