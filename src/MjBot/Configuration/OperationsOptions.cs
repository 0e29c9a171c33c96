namespace MjBot.Configuration;

/// <summary>The <c>Operations</c> section: the health and metrics endpoints, shutdown and retention.</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>Gets or sets whether /healthz, /readyz and /metrics are served.</summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool HttpEnabled { get; set; } = true;

    /// <summary>Gets or sets the address the endpoints listen on (0.0.0.0 in the container).</summary>
    /// <value>The default value is 127.0.0.1: only this machine.</value>
    public string HttpAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the port of the endpoints; 0 lets the system choose one (it is logged).</summary>
    /// <value>The default value is 8080.</value>
    public int HttpPort { get; set; } = 8080;

    /// <summary>Gets or sets how long running jobs may take to finish after a stop is asked for (SIGTERM); jobs still
    /// running then go back to the queue and resume at the next start.</summary>
    /// <value>The default value is 25 (seconds); docker-compose.yml gives the container 60 s before it kills
    /// (stop_grace_period; docker's own default is 10 s).</value>
    public int ShutdownGraceSeconds { get; set; } = 25;

    /// <summary>Gets or sets after how many days finished jobs and their images are deleted (favourites are kept);
    /// 0 keeps everything.</summary>
    /// <value>The default value is 90.</value>
    public int RetentionDays { get; set; } = 90;
}
