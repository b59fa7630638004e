namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Event data kept as bytes: a type with no decoder here (EV_PLATFORM_CONFIG_FLAGS, EV_COMPACT_HASH, ...), or data that
/// did not decode as its type says, with the reason in <see cref="TcgEventData.DecodeProblem"/>. The bytes are the
/// record's (<see cref="TcgEvent.GetData"/>).
/// </summary>
public sealed class TcgRawEventData : TcgEventData
{
    private readonly string _preview;

    internal TcgRawEventData(byte[] log, int offset, int size, string? problem)
    {
        Size = size;
        _preview = size == 0 ? "(no data)" : TcgBytes.Preview(log, offset, size);
        DecodeProblem = problem;
    }

    /// <summary>The size of the data in bytes.</summary>
    public int Size { get; }

    /// <inheritdoc />
    public override string Summary => DecodeProblem is null ? _preview : _preview + " (not decoded: " + DecodeProblem + ")";
}
