using System;
using System.Globalization;

namespace AzureLocalSecurity.MeasuredBoot;

/// <summary>
/// Limits for <see cref="TcgEventLog.Parse"/> and <see cref="SipaEventParser.Parse"/>. The limits are far above anything
/// real and exist so that a log from anywhere (a file, a bundle, another machine) costs a bounded amount of memory and
/// time: past one of them the input is refused with a <see cref="TcgEventLogFormatException"/>. A parse given no options
/// uses a new instance: there is no shared default to change.
/// </summary>
public sealed class TcgEventLogOptions
{
    /// <summary>
    /// 64 MiB. A firmware log is tens of KiB (the tpm2-tools fixtures: 9,870 to 33,824 bytes); a Windows log of one boot,
    /// which adds a SIPA record per loaded boot driver, a few hundred KiB. 64 MiB is far beyond either.
    /// </summary>
    public const int DefaultMaxInputLength = 64 * 1024 * 1024;

    /// <summary>
    /// 262,144 records. Real logs hold tens (firmware) to a few thousand (Windows) records; a record is at least 32 bytes,
    /// so this also bounds what the objects of one parse cost to tens of MiB.
    /// </summary>
    public const int DefaultMaxEvents = 262_144;

    /// <summary>
    /// 16 levels of SIPA containers. Windows nests two (a trust boundary holding loaded-module or ELAM aggregations).
    /// </summary>
    public const int DefaultMaxSipaDepth = 16;

    /// <summary>65,536 SIPA events in one record's data (a SIPA event is at least its 8-byte header).</summary>
    public const int DefaultMaxSipaEvents = 65_536;

    private int _maxInputLength = DefaultMaxInputLength;
    private int _maxEvents = DefaultMaxEvents;
    private int _maxSipaDepth = DefaultMaxSipaDepth;
    private int _maxSipaEvents = DefaultMaxSipaEvents;

    /// <summary>The longest input accepted, in bytes (<see cref="DefaultMaxInputLength"/> unless set).</summary>
    public int MaxInputLength
    {
        get => _maxInputLength;
        set => _maxInputLength = Positive(value, nameof(MaxInputLength));
    }

    /// <summary>The most records one log may hold (<see cref="DefaultMaxEvents"/> unless set).</summary>
    public int MaxEvents
    {
        get => _maxEvents;
        set => _maxEvents = Positive(value, nameof(MaxEvents));
    }

    /// <summary>The deepest nesting of SIPA aggregations accepted (<see cref="DefaultMaxSipaDepth"/> unless set); 1 allows no nesting.</summary>
    public int MaxSipaDepth
    {
        get => _maxSipaDepth;
        set => _maxSipaDepth = Positive(value, nameof(MaxSipaDepth));
    }

    /// <summary>The most SIPA events, at every level together, one record's data may hold (<see cref="DefaultMaxSipaEvents"/> unless set).</summary>
    public int MaxSipaEvents
    {
        get => _maxSipaEvents;
        set => _maxSipaEvents = Positive(value, nameof(MaxSipaEvents));
    }

    /// <summary>The limits the decoding of a parsed log keeps, fixed when the log is parsed.</summary>
    internal SipaLimits SipaLimits => new(_maxSipaDepth, _maxSipaEvents);

    private static int Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Format(CultureInfo.InvariantCulture, "{0} must be positive.", name));
        }

        return value;
    }
}
