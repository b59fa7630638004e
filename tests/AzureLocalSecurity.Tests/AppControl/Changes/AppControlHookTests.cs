using Xunit;

namespace AzureLocalSecurity.Tests.AppControl.Changes;

/// <summary>
/// The App Control change cmdlets' test hooks are static in the module's assembly, which every engine session of the test
/// process shares: the classes that set them, and the tests that must see them unset, run one after another, never together.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AppControlHookTests
{
    /// <summary>The collection's name.</summary>
    public const string Name = "App Control test hooks";
}
