using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AzureLocalSecurity.Baseline;
using AzureLocalSecurity.Baseline.Catalog;

namespace AzureLocalSecurity.Commands;

/// <summary>How the baseline cmdlets find a catalog (a shipped release or a user's file) and filter its rules.</summary>
internal static class BaselineCatalogs
{
    /// <summary>
    /// The catalog the user asked for: the file at <paramref name="path"/>, or the shipped <paramref name="release"/>
    /// (null: the latest). A failure is a terminating error: nothing partial is analyzed.
    /// </summary>
    internal static BaselineCatalog Resolve(PSCmdlet cmdlet, string? release, BaselineProfile profile, string? path, bool profileGiven)
    {
        if (path is not null)
        {
            string resolved;
            try
            {
                resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
            }
            catch (Exception ex) when (ex is ItemNotFoundException or System.Management.Automation.DriveNotFoundException or ProviderNotFoundException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
                throw;
            }

            if (!File.Exists(resolved))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new FileNotFoundException($"The catalog '{resolved}' does not exist.", resolved), ErrorIds.PathNotFound, ErrorCategory.ObjectNotFound, path));
            }

            try
            {
                cmdlet.WriteVerbose($"Reading baseline catalog '{resolved}'.");
                var catalog = BaselineCatalogReader.ReadFile(resolved, profileGiven ? profile : null);
                WarnInvalid(cmdlet, catalog);
                return catalog;
            }
            catch (BaselineCatalogException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.BaselineCatalogInvalid, ErrorCategory.InvalidData, path));
                throw;
            }
            catch (IOException ex)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.BaselineCatalogInvalid, ErrorCategory.ReadError, path));
                throw;
            }
        }

        try
        {
            var shipped = ShippedBaselines.Get(release, profile);
            WarnInvalid(cmdlet, shipped);
            return shipped;
        }
        catch (ArgumentException ex)
        {
            cmdlet.ThrowTerminatingError(new ErrorRecord(ex, ErrorIds.BaselineReleaseNotFound, ErrorCategory.ObjectNotFound, release));
            throw;
        }
    }

    /// <summary>The rules matching every given filter (wildcards, without case; a category matches with or without spaces).</summary>
    internal static IEnumerable<BaselineRule> Filter(IEnumerable<BaselineRule> rules, string[]? names, string[]? categories, string[]? severities)
    {
        var namePatterns = Patterns(names);
        var categoryPatterns = Patterns(categories?.Select(c => c.Replace(" ", string.Empty)));
        var severityPatterns = Patterns(severities);
        return rules.Where(r =>
            Matches(namePatterns, r.Name)
            && Matches(categoryPatterns, r.Category.Replace(" ", string.Empty))
            && Matches(severityPatterns, r.Severity));
    }

    private static void WarnInvalid(PSCmdlet cmdlet, BaselineCatalog catalog)
    {
        foreach (var rule in catalog.Rules.Where(r => r.Expression is null))
        {
            cmdlet.WriteWarning($"{rule.SourceName}, line {rule.LineNumber}: the expected value of rule '{rule.Name}' cannot be used ({rule.ExpressionError}); the rule is reported as Error.");
        }
    }

    private static WildcardPattern[]? Patterns(IEnumerable<string>? values) =>
        values?.Where(v => !string.IsNullOrEmpty(v)).Select(v => WildcardPattern.Get(v, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();

    private static bool Matches(WildcardPattern[]? patterns, string value) =>
        patterns is null || patterns.Length == 0 || patterns.Any(p => p.IsMatch(value));
}
