/* Behaviour of the portal pages that PrimeFaces does not provide. */
var portal = window.portal || {};
window.portal = portal;

/**
 * Disables a PrimeFaces command button for the given number of seconds and shows the remaining seconds in its
 * label; template is a text with {0} for the seconds, e.g. "{0} 秒后重新发送".
 */
portal.countdown = function (widgetVar, seconds, template) {
  var button = PF(widgetVar);
  var label = button.jq.find('.ui-button-text');
  var original = label.text();
  var remaining = seconds;
  button.disable();
  var tick = function () {
    if (remaining <= 0) {
      label.text(original);
      button.enable();
      return;
    }
    label.text(template.replace('{0}', remaining));
    remaining -= 1;
    window.setTimeout(tick, 1000);
  };
  tick();
};

/**
 * 识别KEY (resources/portal/keyReader.xhtml): mounts the KEY控件's certificate picker (key-agent-client.js) into the
 * component whose root element has the id clientId, gives the picker's parts stable ids (clientId + ':message',
 * ':token', ':pin', ':read', ':choice-N'), and when a certificate is chosen puts it (base64 DER) into the hidden input
 * clientId + ':certificate' and clicks the hidden button clientId + ':select', which submits it by ajax. The root also
 * fires a 'keyreader:select' DOM event with the certificate as detail, and keeps the client as root.keyAgentClient
 * (for pages that go on to generate keys or sign with the key).
 */
portal.keyReader = function (clientId) {
  var root = document.getElementById(clientId);
  if (!root || typeof window.KeyAgentClient !== 'function') {
    return null;
  }
  var part = function (name) {
    return document.getElementById(clientId + ':' + name);
  };
  var ports = (root.getAttribute('data-ports') || '')
    .split(',')
    .map(function (port) { return parseInt(port, 10); })
    .filter(function (port) { return port > 0 && port < 65536; });
  var client = new window.KeyAgentClient({
    downloadUrl: root.getAttribute('data-download-url') || undefined,
    ports: ports.length ? ports : undefined,
    minAgentVersion: root.getAttribute('data-min-agent-version') || undefined
  });
  var picker = part('picker');
  var hidden = part('certificate');
  var select = part('select');
  var name = function (selector, id) {
    var element = picker.querySelector(selector);
    if (element) {
      element.id = clientId + ':' + id;
    }
  };
  window.KeyAgentClient.mountCertificatePicker(picker, client, {
    onList: function () {
      var choices = picker.querySelectorAll('input[name=ka-certificate]');
      for (var i = 0; i < choices.length; i++) {
        choices[i].id = clientId + ':choice-' + i;
      }
    },
    onSelect: function (certificate) {
      hidden.value = certificate.certificate;
      root.dispatchEvent(new CustomEvent('keyreader:select', { detail: certificate }));
      select.click();
    }
  });
  name('.ka-message', 'message');
  name('.ka-token', 'token');
  name('.ka-pin', 'pin');
  name('.ka-read', 'read');
  root.keyAgentClient = client;
  return client;
};

/**
 * 证书申请, 服务类型 changed (oncomplete of its ajax, with the callback parameters fromKey and lost): shows the 识别KEY
 * section only for the types that read the certificate from the key (the component is not re-rendered by ajax,
 * see keyReader.xhtml), and the 补办证书提示 dialog for the lost-key types.
 */
portal.applyServiceType = function (args) {
  if (!args || args.validationFailed) {
    return;
  }
  var keySection = document.getElementById('keySection');
  if (keySection) {
    keySection.style.display = args.fromKey ? '' : 'none';
  }
  if (args.lost) {
    PF('lostNotice').show();
  }
};
