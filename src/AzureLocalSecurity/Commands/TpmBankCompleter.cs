using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace AzureLocalSecurity.Commands;

/// <summary>Completes -Bank with the PCR bank hash names PC Client TPMs allocate.</summary>
public sealed class TpmBankCompleter : IArgumentCompleter
{
    private static readonly string[] Banks = ["sha1", "sha256", "sha384", "sha512", "sm3_256"];

    /// <inheritdoc />
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
        Banks.Where(b => b.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            .Select(b => new CompletionResult(b, b, CompletionResultType.ParameterValue, "the " + b + " PCR bank"));
}
