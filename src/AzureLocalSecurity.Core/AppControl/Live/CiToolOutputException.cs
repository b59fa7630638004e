using System;

namespace AzureLocalSecurity.AppControl.Live;

/// <summary>
/// Text is not a CiTool policy listing that <see cref="CiToolPolicyListParser.Parse"/> reads: JSON that is not an object with a
/// <c>Policies</c> array (or that reports a failed operation), a fact of the wrong type, a policy without a valid id, text
/// without any policy, a repeated fact, or more characters or policies than allowed. <see cref="Line"/> says where in the
/// text form or the JSON (1-based; 0 when not known).
/// </summary>
public sealed class CiToolOutputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CiToolOutputException()
        : this("The CiTool policy listing could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CiToolOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CiToolOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a problem at a line, with its cause where there is one.</summary>
    public CiToolOutputException(string problem, int line, Exception? innerException = null)
        : base(line > 0 ? $"The CiTool policy listing could not be read at line {line}: {problem}" : $"The CiTool policy listing could not be read: {problem}", innerException)
    {
        Problem = problem;
        Line = line;
    }

    /// <summary>The line the problem was found on (1-based; 0 when not known).</summary>
    public int Line { get; }

    /// <summary>What is wrong, without the place.</summary>
    public string? Problem { get; }
}
