namespace MjBot.Core.Backends;

/// <summary>How a backend kind treats a prompt parameter.</summary>
public enum ParameterSupport
{
    /// <summary>The backend does what the parameter asks.</summary>
    Honoured,

    /// <summary>The backend does something close; the member is told what.</summary>
    Approximated,

    /// <summary>The parameter has no effect on this backend; the member is told.</summary>
    Ignored,
}
