using Xunit;

namespace AzureLocalSecurity.Tests.Support;

/// <summary>
/// The capture script reads <c>$env:COMPUTERNAME</c> and <c>$env:windir</c>, which are the test process's own environment.
/// The classes that set them (the recorded Windows stand-in) and the classes that run the script expecting them unset (the
/// fleet tests, whose node name falls back to the machine name) run one after another, never together.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Process environment";
}
