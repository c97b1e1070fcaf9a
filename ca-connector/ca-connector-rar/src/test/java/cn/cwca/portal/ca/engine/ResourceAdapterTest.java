package cn.cwca.portal.ca.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.cwca.portal.ca.CaConnection;
import cn.cwca.portal.ca.CaConnectionFactory;
import cn.cwca.portal.ca.CaException;
import cn.cwca.portal.ca.CertificateProfile;
import cn.cwca.portal.ca.CrlRequest;
import cn.cwca.portal.ca.IdentityDocumentType;
import cn.cwca.portal.ca.IssueRequest;
import cn.cwca.portal.ca.IssuedCertificate;
import cn.cwca.portal.ca.KeyAlgorithm;
import cn.cwca.portal.ca.Subject;
import jakarta.resource.NotSupportedException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.TransactionSupport.TransactionSupportLevel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adapter as the container drives it: the resource adapter started, a connection factory
 * configured and associated with it, connections used and closed.
 */
class ResourceAdapterTest {

  private static final Subject PERSON =
      Subject.person("孙七", IdentityDocumentType.RESIDENT_ID_CARD, "110101190001010006");

  /** One CA for the class: created by the first test that connects, opened by the others. */
  @TempDir static Path folder;

  private final CaResourceAdapter adapter = new CaResourceAdapter();

  @BeforeEach
  void startAdapter() {
    adapter.start(null);
  }

  @AfterEach
  void stopAdapter() {
    adapter.stop();
  }

  @Test
  void issuesThroughAConnectionOfTheFactory() throws Exception {
    CaConnectionFactory factory = factory(TestCa.factory(folder, KeyAlgorithm.EC_P256));

    IssuedCertificate issued;
    try (CaConnection connection = factory.getConnection()) {
      issued = connection.issue(request());
    }

    assertEquals(KeyAlgorithm.EC_P256, issued.keyAlgorithm());
    ChainValidation.jdk(issued);
  }

  @Test
  void closedConnectionRefusesEveryCall() throws Exception {
    CaConnection connection = factory(TestCa.factory(folder, KeyAlgorithm.EC_P256)).getConnection();
    connection.close();

    assertThrows(CaException.class, () -> connection.issue(request()));
    assertThrows(CaException.class, connection::caCertificates);
    Instant now = Instant.now();
    assertThrows(
        CaException.class,
        () -> connection.signCrl(new CrlRequest(1, now, now.plusSeconds(60), List.of())));
    assertThrows(
        CaException.class, () -> connection.answerOcsp(new byte[0], (issuer, hex) -> null));
    assertDoesNotThrow(connection::close, "closing twice does nothing");
  }

  @Test
  void connectionTakenBackByTheContainerRefusesCalls() throws Exception {
    CaManagedConnectionFactory managed = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnection pooled = (CaManagedConnection) managed.createManagedConnection(null, null);
    CaConnection connection = (CaConnection) pooled.getConnection(null, null);
    assertEquals(2, connection.caCertificates().size());

    pooled.cleanup();

    CaException refused = assertThrows(CaException.class, connection::caCertificates);
    assertTrue(refused.getMessage().contains("closed"), refused.getMessage());
  }

  @Test
  void closingAConnectionTellsTheContainer() throws Exception {
    CaManagedConnectionFactory managed = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnection pooled = (CaManagedConnection) managed.createManagedConnection(null, null);
    List<ConnectionEvent> closed = new ArrayList<>();
    pooled.addConnectionEventListener(new ClosedEvents(closed));
    CaConnection connection = (CaConnection) pooled.getConnection(null, null);

    connection.close();

    assertEquals(1, closed.size());
    assertEquals(connection, closed.get(0).getConnectionHandle());
  }

  @Test
  void aHandleMovedToAnotherManagedConnectionWorksThere() throws Exception {
    CaManagedConnectionFactory managed = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnection first = (CaManagedConnection) managed.createManagedConnection(null, null);
    CaManagedConnection second = (CaManagedConnection) managed.createManagedConnection(null, null);
    CaConnection connection = (CaConnection) first.getConnection(null, null);

    second.associateConnection(connection);
    first.destroy();

    assertEquals(2, connection.caCertificates().size());
  }

  @Test
  void stoppingTheAdapterClosesTheCa() throws Exception {
    CaConnectionFactory factory = factory(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaConnection connection = factory.getConnection();

    adapter.stop();

    CaException refused = assertThrows(CaException.class, () -> connection.issue(request()));
    assertTrue(refused.getMessage().contains("stopped"), refused.getMessage());
    assertThrows(CaException.class, factory::getConnection);
  }

  @Test
  void factoriesWithTheSameSettingsShareOneCa() throws Exception {
    CaManagedConnectionFactory one = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnectionFactory two = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));

    assertEquals(one, two);
    assertEquals(one.hashCode(), two.hashCode());
    assertEquals(adapter.authorityFor(one.settings()), adapter.authorityFor(two.settings()));
  }

  @Test
  void managedConnectionsMatchOnlyTheirFactory(@TempDir Path other) throws Exception {
    CaManagedConnectionFactory mine = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnectionFactory theirs = associated(TestCa.factory(other, KeyAlgorithm.EC_P256));
    CaManagedConnection pooled = (CaManagedConnection) mine.createManagedConnection(null, null);

    assertEquals(pooled, mine.matchManagedConnections(Set.of(pooled), null, null));
    assertEquals(null, theirs.matchManagedConnections(Set.of(pooled), null, null));
  }

  @Test
  void connectionsOfAStoppedAdapterAreInvalid() throws Exception {
    CaManagedConnectionFactory managed = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnection pooled = (CaManagedConnection) managed.createManagedConnection(null, null);
    assertEquals(Set.of(), managed.getInvalidConnections(Set.of(pooled)));

    adapter.stop();

    assertEquals(Set.of(pooled), managed.getInvalidConnections(Set.of(pooled)));
  }

  @Test
  void takesPartInNoTransaction() throws Exception {
    CaManagedConnectionFactory managed = associated(TestCa.factory(folder, KeyAlgorithm.EC_P256));
    CaManagedConnection pooled = (CaManagedConnection) managed.createManagedConnection(null, null);

    assertEquals(TransactionSupportLevel.NoTransaction, managed.getTransactionSupport());
    assertThrows(NotSupportedException.class, pooled::getLocalTransaction);
    assertThrows(NotSupportedException.class, pooled::getXAResource);
  }

  @Test
  void factoryWithoutTheAdapterFailsLoudly() {
    CaConnectionFactory factory =
        (CaConnectionFactory)
            TestCa.factory(folder, KeyAlgorithm.EC_P256).createConnectionFactory();

    CaException refused = assertThrows(CaException.class, factory::getConnection);
    assertTrue(refused.getMessage().contains("resource adapter"), refused.getMessage());
  }

  @Test
  void wrongKeystorePasswordFailsTheConnectionLoudly() throws Exception {
    try (CaConnection connection =
        factory(TestCa.factory(folder, KeyAlgorithm.EC_P256)).getConnection()) {
      assertEquals(2, connection.caCertificates().size());
    }
    CaManagedConnectionFactory wrong = TestCa.factory(folder, KeyAlgorithm.EC_P256);
    wrong.setKeystorePassword("Wrong-password-9");

    CaException refused = assertThrows(CaException.class, () -> factory(wrong).getConnection());
    assertTrue(refused.getMessage().contains("keystorePassword"), refused.getMessage());
  }

  @Test
  void wrongPinIsNotTriedAgainSoThatTheTokenIsNotLocked() throws Exception {
    CaManagedConnectionFactory wrongPin =
        SoftHsm.caFactory(SoftHsm.NEVER_LOGGED_IN, KeyAlgorithm.EC_P256);
    wrongPin.setPkcs11Pin("Not-the-PIN-0");
    CaConnectionFactory factory = factory(wrongPin);

    CaException first = assertThrows(CaException.class, factory::getConnection);
    CaException second = assertThrows(CaException.class, factory::getConnection);

    assertTrue(first.getMessage().contains("log in"), first.getMessage());
    assertTrue(second.getMessage().contains("not trying the token again"), second.getMessage());
  }

  @Test
  void caCertificatesAreCopiesTheCallerMayChange() throws Exception {
    try (CaConnection connection =
        factory(TestCa.factory(folder, KeyAlgorithm.EC_P256)).getConnection()) {
      List<byte[]> first = connection.caCertificates();
      Arrays.fill(first.get(0), (byte) 0);

      assertTrue(connection.caCertificates().get(0)[0] != 0);
    }
  }

  private CaConnectionFactory factory(CaManagedConnectionFactory managed) throws Exception {
    return (CaConnectionFactory) associated(managed).createConnectionFactory();
  }

  private CaManagedConnectionFactory associated(CaManagedConnectionFactory managed)
      throws Exception {
    managed.setResourceAdapter(adapter);
    return managed;
  }

  private static IssueRequest request() {
    return new IssueRequest(Csrs.of(TestKeys.p256()), CertificateProfile.NATURAL_PERSON, PERSON, 1);
  }

  /** Records the container's view of closed handles. */
  private record ClosedEvents(List<ConnectionEvent> closed) implements ConnectionEventListener {
    @Override
    public void connectionClosed(ConnectionEvent event) {
      closed.add(event);
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {}

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {}

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {}

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {}
  }
}
