namespace MjBot.Doctor;

/// <summary>The outcome of one doctor check.</summary>
internal enum DoctorStatus
{
    /// <summary>✓ fine.</summary>
    Pass,

    /// <summary>✗ needs fixing; the check says how.</summary>
    Fail,

    /// <summary>– not checked, and the check says why (usually: the feature has not landed yet).</summary>
    NotChecked,
}
