namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// The event data of a record, decoded into readable facts. Each decoded type is its own class (text, a UEFI variable,
/// an image load, the GPT, Windows SIPA events, ...); data with no decoder, or that does not decode, is a
/// <see cref="TcgRawEventData"/>. Decoding never throws: what could not be read is said in <see cref="DecodeProblem"/>.
/// </summary>
public abstract class TcgEventData
{
    private protected TcgEventData()
    {
    }

    /// <summary>A one-line description of the data.</summary>
    public abstract string Summary { get; }

    /// <summary>Why the data, or part of it, could not be decoded (null when it decoded).</summary>
    public string? DecodeProblem { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Summary;
}
