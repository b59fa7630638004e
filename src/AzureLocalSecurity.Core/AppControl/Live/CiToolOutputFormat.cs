namespace AzureLocalSecurity.AppControl.Live;

/// <summary>Which of its two forms CiTool's policy listing was read from.</summary>
public enum CiToolOutputFormat
{
    /// <summary><c>CiTool --list-policies --json</c>: an object whose <c>Policies</c> array holds one object per policy.</summary>
    Json,

    /// <summary><c>CiTool --list-policies</c>: one <c>Key: Value</c> line per fact, each policy starting at its <c>Policy ID</c>.</summary>
    Text,
}
