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
