using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using AzureLocalSecurity.Baseline.Catalog;

namespace AzureLocalSecurity.Commands;

/// <summary>Completes -Release with the releases the module ships.</summary>
public sealed class BaselineReleaseCompleter : IArgumentCompleter
{
    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        ShippedBaselines.Releases
            .Where(r => r.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(r => new CompletionResult(r, r, CompletionResultType.ParameterValue, "Azure Local security baseline " + r));
}
