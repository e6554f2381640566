import { describe, expect, it } from 'vitest';
import { formatMaskedAddress, maskAddress, maskName, maskPhone, maskPhones } from '@/lib/mask';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['+86 138 1234 5678', '+86 138****5678'],
    ['86-13812345678', '86-138****5678'],
    ['0086 13812345678', '0086 138****5678'],
    ['0086-138-1234-5678', '0086-138****5678'],
    ['+8613812345678', '+86138****5678'],
    ['138-1234-5678', '138****5678'],
    ['138 1234 5678', '138****5678'],
    [' 13812345678 ', '138****5678'],
    ['19912345678', '199****5678'],
    ['', ''],
    ['0571-88888888', '********8888'],
    ['12345', '*2345'],
    ['abc', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskPhone(input)).toBe(masked);
  });
});

describe('maskPhones in free text', () => {
  it.each([
    ['请联系 13812345678 或 +86 139 8765 4321', '请联系 138****5678 或 +86 139****4321'],
    // A run of digits inside a longer number is not a phone: order ids, tracking numbers, barcodes.
    ['订单号 820261130138123456789', '订单号 820261130138123456789'],
    ['运单 SF1381234567890', '运单 SF1381234567890'],
    ['6901234567892', '6901234567892'],
    ['电话:13812345678。', '电话:138****5678。'],
    ['x13812345678', 'x13812345678'],
  ])('%j → %j', (input, masked) => {
    expect(maskPhones(input)).toBe(masked);
  });

  it('never leaves the 8 middle digits of a masked number', () => {
    for (const raw of ['13812345678', '+86 138 1234 5678', '86-13812345678', '0086 13812345678']) {
      expect(maskPhone(raw).replace(/\D/g, '')).not.toContain('12345678');
      expect(maskPhone(raw)).not.toContain('1234');
    }
  });
});

describe('maskName', () => {
  it.each([
    ['张三丰', '张**'],
    ['李雷', '李**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳', '欧**'],
    ['诸葛亮', '诸葛**'],
    ['王', '王**'],
    [' 赵六 ', '赵**'],
    ['Li Lei', 'L**'],
    ['', ''],
  ])('%j → %j', (input, masked) => {
    expect(maskName(input)).toBe(masked);
  });
});

describe('maskAddress', () => {
  const address = { province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号 3 幢 501' };
  it('keeps province and city and masks the rest', () => {
    expect(maskAddress(address)).toEqual({ province: '浙江省', city: '杭州市', district: '***', detail: '***' });
    expect(formatMaskedAddress(address)).toBe('浙江省杭州市***');
  });
  it('handles municipalities written twice and empty parts', () => {
    expect(formatMaskedAddress({ province: '上海市', city: '上海市', district: '浦东新区', detail: '世纪大道 100 号' })).toBe('上海市***');
    expect(formatMaskedAddress({ province: '北京市', city: '北京市', district: '', detail: '' })).toBe('北京市');
  });
});
