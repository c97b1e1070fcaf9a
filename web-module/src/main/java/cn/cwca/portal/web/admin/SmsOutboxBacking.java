package cn.cwca.portal.web.admin;

import cn.cwca.portal.sms.OutboxMessage;
import cn.cwca.portal.sms.SmsOutboxService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * /admin/sms-outbox.xhtml: 短信发件箱, the text messages the portal has sent (verification codes),
 * newest first, read page by page from {@link SmsOutboxService}.
 */
@Named
@ViewScoped
public class SmsOutboxBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private SmsOutboxService smsOutboxService;

  private final LazyDataModel<OutboxMessage> messages = new OutboxPages();

  /** The outbox for the lazy table. */
  public LazyDataModel<OutboxMessage> getMessages() {
    return messages;
  }

  /** One page of the outbox per request; the table has no sorting or filtering. */
  private class OutboxPages extends LazyDataModel<OutboxMessage> {

    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) Math.min(Integer.MAX_VALUE, smsOutboxService.count());
    }

    @Override
    public List<OutboxMessage> load(
        int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
      return smsOutboxService.latest(first, pageSize);
    }

    @Override
    public String getRowKey(OutboxMessage message) {
      return String.valueOf(message.id());
    }
  }
}
