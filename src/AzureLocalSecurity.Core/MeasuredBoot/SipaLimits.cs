namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>How deep SIPA containers may nest and how many SIPA events one record's data may hold.</summary>
internal readonly struct SipaLimits
{
    internal SipaLimits(int maxDepth, int maxEvents)
    {
        MaxDepth = maxDepth;
        MaxEvents = maxEvents;
    }

    internal int MaxDepth { get; }

    internal int MaxEvents { get; }
}
