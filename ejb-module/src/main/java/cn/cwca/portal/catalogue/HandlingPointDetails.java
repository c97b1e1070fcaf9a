package cn.cwca.portal.catalogue;

/**
 * What an administrator types for a 办理点: name, address, opening hours and telephone, and whether it
 * ships keys or hands them over. Checked by {@link CatalogueRules#handlingPoint}.
 *
 * @param name e.g. 山东聊城办理点
 * @param address 发货地址 or 取证地址
 * @param hours 营业时间, optional
 * @param phone 联系电话, optional
 * @param ships whether it ships keys (邮寄-收方付)
 * @param handsOver whether it hands keys over (自取)
 */
public record HandlingPointDetails(
    String name, String address, String hours, String phone, boolean ships, boolean handsOver) {}
