namespace AzureLocalSecurity.Baseline.Analysis;

/// <summary>The results of one severity, by status.</summary>
public sealed class BaselineSeverityCount
{
    internal BaselineSeverityCount(string severity, int compliant, int nonCompliant, int unknown, int notApplicable, int error)
    {
        Severity = severity;
        Compliant = compliant;
        NonCompliant = nonCompliant;
        Unknown = unknown;
        NotApplicable = notApplicable;
        Error = error;
    }

    /// <summary>The catalog's severity.</summary>
    public string Severity { get; }

    /// <summary>Rules met.</summary>
    public int Compliant { get; }

    /// <summary>Rules not met.</summary>
    public int NonCompliant { get; }

    /// <summary>Rules whose value could not be read.</summary>
    public int Unknown { get; }

    /// <summary>Rules that do not apply.</summary>
    public int NotApplicable { get; }

    /// <summary>Rules that could not be evaluated.</summary>
    public int Error { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Severity}: {Compliant} compliant, {NonCompliant} non-compliant";
}
