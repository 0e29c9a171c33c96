namespace MjBot.Doctor;

/// <summary>The outcome of one doctor check.</summary>
internal enum DoctorStatus
{
    /// <summary>✓ fine.</summary>
    Pass,

    /// <summary>✗ needs fixing; the check says how.</summary>
    Fail,

    /// <summary>– not checked, and the check says why (e.g. the backend it checks is not the one in use).</summary>
    NotChecked,
}
