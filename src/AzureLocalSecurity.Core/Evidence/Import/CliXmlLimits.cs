namespace AzureLocalSecurity.Evidence.Import;

/// <summary>The bounds of one CLIXML read; tests lower them to reach them without large inputs.</summary>
internal sealed class CliXmlLimits
{
    internal static readonly CliXmlLimits Default = new(CliXmlDocument.MaxBytes, CliXmlDocument.MaxDepth, CliXmlDocument.MaxObjects, CliXmlDocument.MaxExpandedValues);

    internal CliXmlLimits(int maxBytes, int maxDepth, int maxObjects, long maxExpandedValues)
    {
        MaxBytes = maxBytes;
        MaxDepth = maxDepth;
        MaxObjects = maxObjects;
        MaxExpandedValues = maxExpandedValues;
    }

    internal int MaxBytes { get; }

    internal int MaxDepth { get; }

    internal int MaxObjects { get; }

    internal long MaxExpandedValues { get; }
}
