namespace Smoke.Testing.Tests.Results;

/// <summary>JUnit files written by hand in the shapes the producers we read really write.</summary>
internal static class JUnitFiles
{
    /// <summary>Our logger: traits as testcase properties, Surefire retries, per-test output with an attachment.</summary>
    public const string FromOurLogger = """
        <?xml version="1.0" encoding="utf-8"?>
        <testsuites name="Smoke.Database.Tests.dll" tests="6" failures="2" errors="1" skipped="1" time="3.250">
          <testsuite name="Smoke.Database.Tests.dll" tests="6" failures="2" errors="1" skipped="1" time="3.250" timestamp="2026-11-21T18:40:00Z" hostname="ci-7" id="0">
            <properties>
              <property name="framework" value=".NETCoreApp,Version=v10.0" />
            </properties>
            <testcase classname="Smoke.Database.Tests.Connectivity" name="Server_answers_with_its_version" time="0.125" file="/src/Connectivity.cs" line="17">
              <properties>
                <property name="Level" value="1" />
                <property name="Critical" value="true" />
                <property name="Category" value="database" />
              </properties>
              <system-out>connected to 127.0.0.1:49153
        [[ATTACHMENT|/work/artifacts/smoke/diagnostics/postgres.log]]</system-out>
            </testcase>
            <testcase classname="Smoke.Database.Tests.Transactions" name="Rollback_discards_the_insert" time="0.400">
              <properties>
                <property name="Level" value="3" />
                <property name="Critical" value="true" />
                <property name="Category" value="database" />
                <property name="Category" value="transactions" />
              </properties>
              <failure message="Assert.Equal() Failure: Expected 0, Actual 1" type="Xunit.Sdk.EqualException">Assert.Equal() Failure: Expected 0, Actual 1
           at Smoke.Database.Tests.Transactions.Rollback_discards_the_insert() in /src/Transactions.cs:line 42</failure>
            </testcase>
            <testcase classname="Smoke.Database.Tests.Pooling" name="Pool_reuses_connections(size: 4)" time="1.000">
              <properties>
                <property name="Level" value="3" />
                <property name="Critical" value="false" />
                <property name="Category" value="database" />
              </properties>
              <flakyFailure message="timeout after 1s" type="System.TimeoutException">
                <stackTrace>at Smoke.Database.Tests.Pooling.Pool_reuses_connections(Int32 size)</stackTrace>
                <system-out>first attempt output</system-out>
              </flakyFailure>
            </testcase>
            <testcase classname="Smoke.Database.Tests.Jsonb" name="Round_trips_a_document" time="0.725">
              <properties>
                <property name="Level" value="4" />
                <property name="Category" value="database" />
              </properties>
              <failure message="still broken" type="Xunit.Sdk.TrueException">at Jsonb.Round_trips_a_document()</failure>
              <rerunFailure message="broken on retry 1" type="Xunit.Sdk.TrueException">
                <stackTrace>at Jsonb.Round_trips_a_document()</stackTrace>
              </rerunFailure>
              <rerunFailure message="broken on retry 2" type="Xunit.Sdk.TrueException">
                <stackTrace>at Jsonb.Round_trips_a_document()</stackTrace>
              </rerunFailure>
            </testcase>
            <testcase classname="Smoke.Database.Tests.Constraints" name="Unique_key_is_enforced" time="0.5">
              <error message="Npgsql.NpgsqlException: connection refused" type="Npgsql.NpgsqlException">Npgsql.NpgsqlException (0x80004005): connection refused
           at Npgsql.Internal.NpgsqlConnector.Open()</error>
            </testcase>
            <testcase classname="Smoke.Database.Tests.Replication" name="Replica_catches_up" time="0">
              <skipped message="replica not configured in this stack" />
            </testcase>
            <system-out>run output</system-out>
          </testsuite>
        </testsuites>
        """;

    /// <summary>Jenkins' plain shape: a bare testsuite root, no properties, no timestamp zone.</summary>
    public const string PlainJenkins = """
        <testsuite name="EventBus" tests="2" failures="0" timestamp="2026-11-21T18:41:00" time="0.3">
          <testcase classname="Smoke.EventBus.Tests.Publishing" name="Publish_and_consume" time="0.2"/>
          <testcase classname="Smoke.EventBus.Tests.Publishing" name="Dead_letter_queue_receives_rejects" time="0.1">
            <skipped>broker has no DLX plugin</skipped>
          </testcase>
        </testsuite>
        """;
}
